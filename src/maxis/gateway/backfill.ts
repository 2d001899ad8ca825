/**
 * After a gap in the Gateway connection: every message of an open ticket thread newer than the last
 * one stored, through REST (`GET /channels/{thread}/messages?after=`), oldest first, in pages of 100.
 * REST messages carry no member roles, so a staff author is recognised from their server roles
 * (one lookup per author and backfill).
 */
import type { APIGuildMember } from "discord-api-types/v10";
import { DiscordApiError } from "../../shared/discord/rest";
import { botRest } from "../bot-rest";
import { staffAuthor } from "../tickets/threads/staff-author";
import { ingestEvents, type OpenThread } from "./ingest";
import { bySnowflake, type GatewayMessage, type IngestEvent, toIngestEvent } from "./protocol";

const PAGE = 100;

export async function backfillThread(
  env: MaxisEnv,
  thread: OpenThread,
  botUserId: string | null,
): Promise<number> {
  const rest = botRest(env);
  const roles = new Map<string, readonly string[]>();
  const rolesOf = async (userId: string): Promise<readonly string[]> => {
    let known = roles.get(userId);
    if (!known) {
      const member = await rest
        .request<APIGuildMember>("GET", `/guilds/${thread.guildId}/members/${userId}`)
        .catch(() => null);
      known = member?.roles ?? [];
      roles.set(userId, known);
    }
    return known;
  };
  let cursor = thread.lastMessageId ?? "0";
  let stored = 0;
  for (;;) {
    let page: GatewayMessage[];
    try {
      page = await rest.request<GatewayMessage[]>(
        "GET",
        `/channels/${thread.threadId}/messages?after=${cursor}&limit=${PAGE}`,
      );
    } catch (error) {
      // A thread deleted in Discord has nothing left to hear.
      if (error instanceof DiscordApiError && (error.status === 404 || error.status === 403)) return stored;
      throw error;
    }
    page.sort(bySnowflake);
    const events: IngestEvent[] = [];
    for (const message of page) {
      const authorRoles =
        message.member?.roles ??
        (message.author && !message.author.bot ? await rolesOf(message.author.id) : []);
      const staff = await staffAuthor(env, thread.guildId, authorRoles);
      const event = toIngestEvent(
        "MESSAGE_CREATE",
        { ...message, guild_id: thread.guildId, member: { roles: [...authorRoles] } },
        { botUserId, isStaff: () => staff },
      );
      if (event) events.push(event);
    }
    if (events.length) stored += (await ingestEvents(env, events)).stored;
    const last = page.at(-1);
    if (page.length < PAGE || !last) return stored;
    cursor = last.id;
  }
}
