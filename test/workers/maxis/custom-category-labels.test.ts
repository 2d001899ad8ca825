/**
 * A ticket in a category the server added is named by the server's label wherever Maxis shows it to
 * a person, in that person's language (issue 11 §1): the staff channel's post (the server's
 * language), the thread's card (the member's), `/ticket view`, the Markdown transcript and the web
 * transcript, through the real Worker, Postgres and the Discord stand-in.
 */
import { env, exports } from "cloudflare:workers";
import type { APIEmbed } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { supabaseAs } from "../../../src/maxis/supabase/client";
import { waitForDiscordRequests } from "../support/discord";
import { configureServer, newChannel } from "./panel-support";
import { createdNumber, messageOf, run, runKeeping, snowflake, waitForRequests } from "./tickets-support";

const cases = [
  { locale: "fr", discordLocale: "fr", field: "Catégorie", label: "🤝 Partenariats" },
  { locale: "en", discordLocale: "en-US", field: "Category", label: "🤝 Partnerships" },
] as const;

const categoryOf = (embed: APIEmbed | undefined, field: string) =>
  embed?.fields?.find((f) => f.name === field)?.value;

const firstEmbed = (request: RecordedRequest | undefined) =>
  (request?.body as { embeds?: APIEmbed[] } | null)?.embeds?.[0];

/** A server whose language is `locale`, with a staff channel, a support channel and the category. */
async function serverWithPartnerships(locale: "fr" | "en") {
  const guildId = snowflake();
  const staffRole = snowflake();
  const staffChannel = await newChannel(guildId);
  const supportChannel = await newChannel(guildId);
  await configureServer(guildId, {
    staffRoleIds: [staffRole],
    supportChannelId: supportChannel,
    settings: { staffChannelId: staffChannel, defaultLocale: locale },
  });
  const admin = await supabaseAs(env, { userId: snowflake(), appRole: "admin", guildId, roleIds: [] });
  const added = await admin.rpc("ticket_category_create", {
    p_category: { key: "partnerships", labelEn: "Partnerships", labelFr: "Partenariats", emoji: "🤝" },
  });
  expect(added.error).toBeNull();
  return { guildId, staffRole, staffChannel, supportChannel };
}

describe.each(cases)("a ticket in a category the server added ($locale)", (c) => {
  it("shows the server's label on the staff post, the thread card, /ticket view and both transcripts", {
    timeout: 60_000,
  }, async () => {
    const server = await serverWithPartnerships(c.locale);
    const member: Actor = { userId: snowflake(), guildId: server.guildId, locale: c.discordLocale };
    const staff: Actor = { ...member, userId: snowflake(), roles: [server.staffRole] };
    const number = createdNumber(
      await run(
        member,
        "/ticket create subject:Sponsoring description:We would like to sponsor category:partnerships",
      ),
    );

    // The staff channel's post, in the server's language.
    const [post] = await waitForRequests((requests) =>
      requests.filter((r) => r.method === "POST" && r.path === `/channels/${server.staffChannel}/messages`),
    );
    expect(categoryOf(firstEmbed(post), c.field)).toBe(c.label);

    // The card that opens the ticket's thread, in the member's language.
    const [thread] = await waitForRequests((requests) =>
      requests.filter((r) => r.method === "POST" && r.path === `/channels/${server.supportChannel}/threads`),
    );
    const threadId = (thread?.response as { id?: string } | undefined)?.id;
    const [card] = await waitForRequests((requests) =>
      requests.filter((r) => r.method === "POST" && r.path === `/channels/${threadId}/messages`),
    );
    expect(categoryOf(firstEmbed(card), c.field)).toBe(c.label);

    // /ticket view, as staff.
    const view = messageOf(await run(staff, `/ticket view ticket:${number}`));
    expect(categoryOf(view.embeds?.[0], c.field)).toBe(c.label);

    // The transcript: the Markdown file, and the page its link button opens.
    const { interaction } = await runKeeping(member, `/ticket transcript ticket:${number}`);
    const [edit] = await waitForDiscordRequests(interaction.token);
    const markdown = edit?.files[0]?.content ?? "";
    expect(markdown).toContain(`- ${c.field}${c.locale === "fr" ? " : " : ": "}${c.label}`);
    const body = edit?.body as { components?: { components: { url: string }[] }[] } | undefined;
    const button = body?.components?.[0]?.components[0];
    const page = await exports.default.fetch(button?.url ?? "", {
      headers: { "Accept-Language": c.discordLocale },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<dt>${c.field}</dt><dd>${c.label}</dd>`);
  });
});
