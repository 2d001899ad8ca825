/**
 * The owner's answers to the automation: Accept / Keep open on a close request, 1–5 on a rating, the
 * comment form (`ticket-auto:<action>:<server id>:<number>[:<score>]`, `ticket-auto-comment:…`).
 * The clicker is who Discord signed the interaction for; the database accepts the answer only from
 * the ticket's owner, once. The buttons may be clicked in the ticket's thread or in a DM (a DM has no
 * server: the server named by the button is used, which is harmless since only the owner's own ticket
 * there can be answered).
 */
import { ComponentType, TextInputStyle } from "discord-api-types/payloads/v10";
import type { APIInteraction, APIInteractionResponse } from "discord-api-types/v10";
import { type ComponentHandler, customId, type ModalHandler } from "../../../shared/discord/handlers";
import { ephemeral, openModal, updateMessage } from "../../../shared/discord/responses";
import type { Translator } from "../../../shared/i18n";
import { type RpcClient, supabaseAs } from "../../supabase/client";
import { notifierFor } from "../commands/context";
import { modalFields } from "../commands/modal-fields";
import { afterTicketChange } from "../notify";
import {
  AUTOMATION_PREFIX,
  closeRequestButtons,
  RATING_COMMENT_MODAL,
  ratingAnswered,
} from "../render/automation";
import { closedNotice } from "../status-notices";
import { parseTicketNumber } from "../ticket-ref";
import { type AutomationErrorCode, answerCloseRequest, commentRating, rateTicket } from "./automation-rpc";
import { runAutomationPass } from "./pass";

const SNOWFLAKE = /^[0-9]{1,20}$/;
const COMMENT_MAX = 1000;

/** The clicker as the ticket's (would-be) owner in the button's server; null when clicked elsewhere. */
function ownerClient(
  env: MaxisEnv,
  interaction: APIInteraction,
  userId: string,
  guildId: string,
): Promise<RpcClient> | null {
  if (interaction.guild_id && interaction.guild_id !== guildId) return null;
  return supabaseAs(env, { userId, appRole: "member", guildId, roleIds: [] });
}

export function ownerErrorMessage(t: Translator, code: AutomationErrorCode, number: number): string {
  switch (code) {
    case "ticket_not_found":
      return t("automation.not_owner");
    case "close_request_not_pending":
    case "ticket_already_closed":
      return t("automation.close_request.not_pending");
    case "rating_not_asked":
      return t("automation.rating.not_asked", { number });
    case "rating_missing":
      return t("automation.rating.missing", { number });
    case "already_rated":
      return t("automation.rating.already", { number });
    case "already_commented":
      return t("automation.rating.comment_already", { number });
    case "invalid_score":
      return t("automation.rating.invalid");
    case "comment_empty":
      return t("automation.rating.comment_empty");
    case "comment_too_long":
      return t("automation.rating.comment_too_long");
    default:
      return t("error.internal");
  }
}

export const automationButtons: ComponentHandler<MaxisEnv> = {
  prefix: AUTOMATION_PREFIX,

  async run(ctx, [action = "", guildId = "", rawNumber = "", rawScore = ""]) {
    const number = parseTicketNumber(rawNumber);
    if (!SNOWFLAKE.test(guildId) || number === null) return ephemeral(ctx.t("error.unknown_component"));
    const ticket = { guildId, number, subject: "" };
    if (action === "comment") {
      return openModal({
        custom_id: customId(RATING_COMMENT_MODAL, guildId, number),
        title: ctx.t("automation.rating.modal_title", { number }),
        components: [
          {
            type: ComponentType.Label,
            label: ctx.t("automation.rating.modal_label"),
            component: {
              type: ComponentType.TextInput,
              custom_id: "comment",
              style: TextInputStyle.Paragraph,
              min_length: 1,
              max_length: COMMENT_MAX,
              required: true,
            },
          },
        ],
      });
    }
    const client = ownerClient(ctx.env, ctx.interaction, ctx.user.id, guildId);
    if (!client) return ephemeral(ctx.t("ticket.discord_thread.not_here"));

    if (action === "accept" || action === "keep") {
      const result = await answerCloseRequest(await client, number, action === "accept");
      if (!result.ok) return ephemeral(ownerErrorMessage(ctx.t, result.error.code, number));
      if (action === "accept") {
        afterTicketChange(notifierFor(ctx), result.value, closedNotice(ctx.user.id));
        // The rating prompt the close queued, now rather than at the next minute.
        ctx.waitUntil(
          runAutomationPass(ctx.env, { guildId }).catch((e: unknown) => console.error("automation kick", e)),
        );
      }
      return updateMessage({
        content: ctx.t(
          action === "accept" ? "automation.close_request.accepted" : "automation.close_request.kept",
          {
            number,
          },
        ),
        components: [closeRequestButtons(ctx.t, ticket, true)],
      });
    }
    if (action === "rate") {
      const score = Number(rawScore);
      if (!Number.isInteger(score) || score < 1 || score > 5)
        return ephemeral(ctx.t("automation.rating.invalid"));
      const result = await rateTicket(await client, number, score);
      if (!result.ok) return ephemeral(ownerErrorMessage(ctx.t, result.error.code, number));
      return updateMessage(ratingAnswered(ctx.t, ticket, score, false));
    }
    return ephemeral(ctx.t("error.unknown_component"));
  },
};

export const ratingCommentModal: ModalHandler<MaxisEnv> = {
  prefix: RATING_COMMENT_MODAL,

  async run(ctx, [guildId = "", rawNumber = ""]): Promise<APIInteractionResponse> {
    const number = parseTicketNumber(rawNumber);
    if (!SNOWFLAKE.test(guildId) || number === null) return ephemeral(ctx.t("error.unknown_component"));
    const client = ownerClient(ctx.env, ctx.interaction, ctx.user.id, guildId);
    if (!client) return ephemeral(ctx.t("ticket.discord_thread.not_here"));
    const comment = modalFields(ctx.interaction.data.components).get("comment") ?? "";
    const result = await commentRating(await client, number, comment);
    if (!result.ok) return ephemeral(ownerErrorMessage(ctx.t, result.error.code, number));
    // Sent from the prompt's button, Discord includes the prompt: it is updated, its button used up.
    if (ctx.interaction.message) {
      const ticket = { guildId, number, subject: "" };
      return updateMessage(ratingAnswered(ctx.t, ticket, result.value.score, true));
    }
    return ephemeral(ctx.t("automation.rating.comment_thanks"));
  },
};
