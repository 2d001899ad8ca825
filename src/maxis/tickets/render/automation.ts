/**
 * What the automation says to a ticket's owner, in their language: the inactivity warning, the
 * automatic close, the close request with Accept / Keep open, and the 1–5 rating with its comment
 * button. In the ticket's thread, or by DM when it has none (then the message names the ticket).
 * Pure: no I/O. Member text (the subject) is escaped; nothing pings anyone but the staff member a
 * close request names, and allowed_mentions (messageBody) keeps even that silent.
 */
import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import { customId } from "../../../shared/discord/handlers";
import type { MessageData } from "../../../shared/discord/responses";
import type { Locale, Translator } from "../../../shared/i18n";
import { formatDuration } from "../../../shared/i18n/duration";
import type { TicketSummary } from "../rpc";
import { safeText } from "./escape";

/** Owner buttons: `ticket-auto:<accept|keep|rate|comment>:<server id>:<number>[:<score>]`. */
export const AUTOMATION_PREFIX = "ticket-auto";
/** The comment form: `ticket-auto-comment:<server id>:<number>`. */
export const RATING_COMMENT_MODAL = "ticket-auto-comment";
export const RATING_SCORES = [1, 2, 3, 4, 5] as const;

type TicketRef = Pick<TicketSummary, "guildId" | "number" | "subject">;
export type OwnerAction = "accept" | "keep" | "rate" | "comment";

export const ownerActionId = (action: OwnerAction, ticket: TicketRef, score?: number) =>
  score === undefined
    ? customId(AUTOMATION_PREFIX, action, ticket.guildId, ticket.number)
    : customId(AUTOMATION_PREFIX, action, ticket.guildId, ticket.number, score);

const subject = (ticket: TicketRef) => safeText(ticket.subject, 200);

export function inactivityWarning(
  t: Translator,
  locale: Locale,
  ticket: TicketRef,
  hours: number,
  inThread: boolean,
): MessageData {
  const duration = formatDuration(hours * 3_600, locale);
  return {
    content: inThread
      ? t("automation.warning", { number: ticket.number, duration })
      : t("automation.warning_dm", { number: ticket.number, duration, subject: subject(ticket) }),
  };
}

/** The note of an automatic close: after a long silence, or a close request nobody answered. */
export function automaticClose(
  t: Translator,
  ticket: TicketRef,
  reason: "inactivity" | "no_answer",
  inThread: boolean,
): MessageData {
  if (!inThread)
    return { content: t("automation.closed_dm", { number: ticket.number, subject: subject(ticket) }) };
  return {
    content:
      reason === "inactivity"
        ? t("ticket.discord_thread.closed_by_system", { number: ticket.number })
        : t("automation.closed_no_answer", { number: ticket.number }),
  };
}

export function closeRequestPrompt(
  t: Translator,
  locale: Locale,
  ticket: TicketRef,
  hours: number,
  staffId: string | null,
  inThread: boolean,
): MessageData {
  const duration = formatDuration(hours * 3_600, locale);
  return {
    content:
      inThread && staffId
        ? t("automation.close_request", { number: ticket.number, duration, staff: staffId })
        : t("automation.close_request_dm", { number: ticket.number, duration, subject: subject(ticket) }),
    components: [closeRequestButtons(t, ticket, false)],
  };
}

export function closeRequestButtons(
  t: Translator,
  ticket: TicketRef,
  disabled: boolean,
): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: t("automation.close_request.accept"),
        custom_id: ownerActionId("accept", ticket),
        disabled,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t("automation.close_request.keep"),
        custom_id: ownerActionId("keep", ticket),
        disabled,
      },
    ],
  };
}

/**
 * The stars and the comment button: 1 to 5 until rated; then the stars disabled with the chosen one
 * highlighted, and the comment button usable until the comment is sent.
 */
function ratingButtons(
  t: Translator,
  ticket: TicketRef,
  rated?: { score: number; commented: boolean },
): APIActionRowComponent<APIButtonComponent>[] {
  const stars: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: RATING_SCORES.map((score) => ({
      type: ComponentType.Button,
      style: rated?.score === score ? ButtonStyle.Success : ButtonStyle.Secondary,
      label: `${score} ★`,
      custom_id: ownerActionId("rate", ticket, score),
      disabled: rated !== undefined,
    })),
  };
  const comment: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        label: t("automation.rating.comment"),
        custom_id: ownerActionId("comment", ticket),
        disabled: rated === undefined || rated.commented,
      },
    ],
  };
  return [stars, comment];
}

/** The question, with 1 to 5 stars; by DM it names the ticket's subject. */
export function ratingPrompt(t: Translator, ticket: TicketRef, inThread: boolean): MessageData {
  return {
    content: inThread
      ? t("automation.rating.prompt", { number: ticket.number })
      : t("automation.rating.prompt_dm", { number: ticket.number, subject: subject(ticket) }),
    components: ratingButtons(t, ticket),
  };
}

/** The prompt once answered: the score given, and the comment once it is sent. */
export function ratingAnswered(
  t: Translator,
  ticket: TicketRef,
  score: number,
  commented: boolean,
): MessageData {
  const thanks = t("automation.rating.thanks", { number: ticket.number, score });
  return {
    content: commented ? `${thanks}\n${t("automation.rating.comment_thanks")}` : thanks,
    components: ratingButtons(t, ticket, { score, commented }),
  };
}

/** The staff post's "Ask to close": `ticket-ask-close:<server id>:<number>`. */
export const ASK_CLOSE_PREFIX = "ticket-ask-close";
export function askToCloseButton(
  t: Translator,
  ticket: Pick<TicketSummary, "guildId" | "number" | "status">,
): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: t("automation.staff.ask_close"),
    custom_id: customId(ASK_CLOSE_PREFIX, ticket.guildId, ticket.number),
    disabled: ticket.status === "closed",
  };
}
