/**
 * The public giveaway message and the winners' announcement, as Discord REST bodies. Pure: the
 * Durable Object decides when to send them, this decides what they say.
 */

import { ButtonStyle, ComponentType, MessageFlags } from "discord-api-types/payloads/v10";
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbedFooter,
  RESTPatchAPIChannelMessageJSONBody,
  RESTPostAPIChannelMessageJSONBody,
} from "discord-api-types/v10";
import { customId } from "../../shared/discord/handlers";
import { NO_MENTIONS } from "../../shared/discord/responses";
import type { Translator } from "../../shared/i18n";
import { clip, escapeMarkdown, neutraliseLinks } from "../../shared/markdown";
import type { Draw } from "./giveaway-store";
import { isGiveawayId } from "./ids";
import type { GiveawayConfig } from "./types";

/** `custom_id` prefix of the Enter and Leave buttons. */
export const GIVEAWAY_COMPONENT = "giveaway";

/** What a click on one of our buttons asks for. */
export interface GiveawayButton {
  action: "enter" | "leave";
  giveawayId: string;
}

/**
 * Reads the `custom_id` arguments after `giveaway:` back into what `enterButton` and `leaveButton`
 * wrote: exactly one known action and one giveaway id. Anything else is not our button.
 */
export function parseGiveawayButton(args: readonly string[]): GiveawayButton | null {
  if (args.length !== 2) return null;
  const [action = "", giveawayId = ""] = args;
  if ((action !== "enter" && action !== "leave") || !isGiveawayId(giveawayId)) return null;
  return { action, giveawayId };
}

/** Discord's limits for an embed title and description. */
const TITLE_MAX = 256;
const DESCRIPTION_MAX = 4096;

const GIVEAWAY_COLOUR = 0xf1c40f;
const ENDED_COLOUR = 0x95a5a6;

const seconds = (ms: number) => Math.floor(ms / 1000);
const mention = (userId: string) => `<@${userId}>`;

/**
 * The prize as staff typed it, shown as text: no formatting, mentions or links (a bare URL would be
 * clickable, and embedded under the announcement).
 */
export const shownPrize = (prize: string) => neutraliseLinks(escapeMarkdown(prize));

/**
 * The prize as staff typed it, shown as text: no formatting, links or mentions. The title holds as
 * much as fits; when it is cut, the description starts with the whole prize.
 */
function prizeHeading(config: GiveawayConfig, t: Translator): { title: string; lines: string[] } {
  const prize = shownPrize(config.prize);
  const full = `🎉 ${prize}`;
  if (full.length <= TITLE_MAX) return { title: full, lines: [] };
  return { title: clip(full, TITLE_MAX), lines: [t("giveaway.message.prize", { prize })] };
}

/** One button on a giveaway's message (or on the private answer to an entrant): enter, or leave. */
function giveawayButton(
  giveawayId: string,
  action: "enter" | "leave",
  t: Translator,
): APIActionRowComponent<APIButtonComponentWithCustomId> {
  const enter = action === "enter";
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: enter ? ButtonStyle.Success : ButtonStyle.Danger,
        custom_id: customId(GIVEAWAY_COMPONENT, action, giveawayId),
        label: t(enter ? "giveaway.button.enter" : "giveaway.button.leave"),
        ...(enter ? { emoji: { name: "🎉" } } : {}),
      },
    ],
  };
}

export const enterButton = (giveawayId: string, t: Translator) => giveawayButton(giveawayId, "enter", t);
export const leaveButton = (giveawayId: string, t: Translator) => giveawayButton(giveawayId, "leave", t);

function rulesLines(config: GiveawayConfig, t: Translator): string[] {
  const lines: string[] = [];
  if (config.requiredRoleId) lines.push(t("giveaway.message.required_role", { role: config.requiredRoleId }));
  for (const bonus of config.bonusEntries) {
    lines.push(t("giveaway.message.bonus", { role: bonus.roleId, entries: bonus.entries }));
  }
  return lines;
}

function footer(config: GiveawayConfig, t: Translator): APIEmbedFooter {
  return { text: t("giveaway.message.footer", { id: config.id }) };
}

/** The message while entries are open: prize, live countdown, entrant count, Enter button. */
export function runningMessage(
  config: GiveawayConfig,
  entrants: number,
  t: Translator,
): RESTPostAPIChannelMessageJSONBody {
  const heading = prizeHeading(config, t);
  const description = [
    ...heading.lines,
    t("giveaway.message.how_to_enter"),
    t("giveaway.message.ends", { at: seconds(config.endsAt) }),
    t("giveaway.message.winners", { count: config.winners }),
    t("giveaway.message.entrants", { count: entrants }),
    ...(config.hostId ? [t("giveaway.message.host", { host: config.hostId })] : []),
    ...rulesLines(config, t),
  ].join("\n");
  return {
    embeds: [{ title: heading.title, description, color: GIVEAWAY_COLOUR, footer: footer(config, t) }],
    components: [enterButton(config.id, t)],
    allowed_mentions: NO_MENTIONS,
  };
}

/**
 * The same message once drawn: no button, the final count, the winners of the draw at the end and,
 * under them, those of every reroll, so a reroll never hides who won before.
 */
export function endedMessage(
  config: GiveawayConfig,
  entrants: number,
  draws: readonly Pick<Draw, "drawnAt" | "winners">[],
  t: Translator,
): RESTPatchAPIChannelMessageJSONBody {
  const [first, ...rerolls] = draws;
  if (!first) throw new Error("endedMessage: a giveaway ends with its first draw");
  const heading = prizeHeading(config, t);
  const head = [
    ...heading.lines,
    t("giveaway.message.ended", { at: seconds(first.drawnAt) }),
    first.winners.length > 0
      ? t("giveaway.message.winner_list", { winners: first.winners.map(mention).join(", ") })
      : t("giveaway.message.no_winner"),
  ];
  const tail = [
    t("giveaway.message.entrants", { count: entrants }),
    ...(config.hostId ? [t("giveaway.message.host", { host: config.hostId })] : []),
  ];
  let rerollLines = rerolls.map((draw) =>
    t("giveaway.message.reroll_list", {
      at: seconds(draw.drawnAt),
      winners: draw.winners.map(mention).join(", "),
    }),
  );
  // Many rerolls of many winners outgrow the embed: the oldest new draws give way, the first stays.
  const descriptionOf = (lines: string[], cut: boolean) =>
    [...head, ...(cut ? [t("giveaway.message.earlier_draws")] : []), ...lines, ...tail].join("\n");
  let description = descriptionOf(rerollLines, false);
  while (description.length > DESCRIPTION_MAX && rerollLines.length > 0) {
    rerollLines = rerollLines.slice(1);
    description = descriptionOf(rerollLines, true);
  }
  return {
    embeds: [{ title: heading.title, description, color: ENDED_COLOUR, footer: footer(config, t) }],
    components: [],
    allowed_mentions: NO_MENTIONS,
  };
}

/**
 * The winners' announcement, replying to the giveaway message. Only the winners can be pinged,
 * whatever the prize text says. The nonce makes Discord drop a second copy of the same round.
 */
export function announcement(
  config: GiveawayConfig & { messageId: string },
  round: number,
  winners: readonly string[],
  t: Translator,
): RESTPostAPIChannelMessageJSONBody {
  const prize = shownPrize(config.prize);
  const content =
    winners.length === 0
      ? t("giveaway.announce.nobody", { prize })
      : t(round === 1 ? "giveaway.announce.winners" : "giveaway.announce.reroll", {
          winners: winners.map(mention).join(", "),
          prize,
        });
  return {
    content,
    allowed_mentions: { parse: [], users: [...winners] },
    // Whatever a prize says, no link preview hangs under the announcement.
    flags: MessageFlags.SuppressEmbeds,
    message_reference: { message_id: config.messageId, fail_if_not_exists: false },
    nonce: `gw-${config.id}-${round}`,
    enforce_nonce: true,
  };
}
