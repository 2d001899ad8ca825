/**
 * The button `/ticket transcript` adds under its answer: for a member, their own signed link to the
 * transcript page (valid TRANSCRIPT_LINK_SECONDS); for staff of the dashboard's server, the ticket on
 * the dashboard, where their session opens the page with internal notes. Nothing when not configured.
 */
import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { APIButtonComponentWithURL } from "discord-api-types/v10";
import type { Translator } from "../../shared/i18n";
import { TRANSCRIPT_LINK_SECONDS, transcriptLinkPath } from "./transcript-link";

export interface TranscriptLinkInput {
  t: Translator;
  guildId: string;
  number: number;
  userId: string;
  staff: boolean;
}

export interface TranscriptLink {
  button: APIButtonComponentWithURL;
  /** Unix seconds when a member's link stops working; null for the dashboard. */
  until: number | null;
}

const linkButton = (label: string, url: string): APIButtonComponentWithURL => ({
  type: ComponentType.Button,
  style: ButtonStyle.Link,
  label,
  url,
});

export async function transcriptLinkButton(
  env: Pick<
    MaxisEnv,
    "TRANSCRIPT_LINK_SECRET" | "MAXIS_PUBLIC_URL" | "DASHBOARD_ORIGIN" | "DISCORD_GUILD_ID"
  >,
  input: TranscriptLinkInput,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<TranscriptLink | null> {
  if (input.staff) {
    if (!env.DASHBOARD_ORIGIN || input.guildId !== env.DISCORD_GUILD_ID) return null;
    const url = `${env.DASHBOARD_ORIGIN.replace(/\/$/, "")}/#/tickets/${input.number}`;
    return { button: linkButton(input.t("ticket.transcript.open_dashboard"), url), until: null };
  }
  if (!env.TRANSCRIPT_LINK_SECRET || !env.MAXIS_PUBLIC_URL) return null;
  const until = nowSeconds + TRANSCRIPT_LINK_SECONDS;
  const path = await transcriptLinkPath(env.TRANSCRIPT_LINK_SECRET, {
    guildId: input.guildId,
    number: input.number,
    memberId: input.userId,
    expires: until,
  });
  const url = `${env.MAXIS_PUBLIC_URL.replace(/\/$/, "")}${path}`;
  return { button: linkButton(input.t("ticket.transcript.open"), url), until };
}
