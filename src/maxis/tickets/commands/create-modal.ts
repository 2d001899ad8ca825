import { ComponentType, TextInputStyle } from "discord-api-types/payloads/v10";
import type { APIInteractionResponse, APILabelComponent } from "discord-api-types/v10";
import { customId, type ModalHandler } from "../../../shared/discord/handlers";
import { ephemeral, openModal } from "../../../shared/discord/responses";
import type { Translator } from "../../../shared/i18n";
import { ticketErrorMessage } from "../errors";
import { TICKET_LIMITS } from "../rpc";
import { ticketActor } from "./context";
import { modalFields } from "./modal-fields";
import { type NewTicket, openTicket } from "./open-ticket";

/** `ticket-create:<category>:<priority>`: the choices made on the command ride along with the form. */
export const CREATE_MODAL_PREFIX = "ticket-create";

function textInput(t: Translator, id: "subject" | "description", value: string): APILabelComponent {
  const long = id === "description";
  return {
    type: ComponentType.Label,
    label: t(long ? "ticket.modal.description" : "ticket.modal.subject"),
    component: {
      type: ComponentType.TextInput,
      custom_id: id,
      style: long ? TextInputStyle.Paragraph : TextInputStyle.Short,
      placeholder: t(long ? "ticket.modal.description_placeholder" : "ticket.modal.subject_placeholder"),
      min_length: 1,
      max_length: long ? TICKET_LIMITS.description : TICKET_LIMITS.subject,
      required: true,
      ...(value ? { value: value.slice(0, long ? TICKET_LIMITS.description : TICKET_LIMITS.subject) } : {}),
    },
  };
}

/** The create form, with whatever text the member already typed filled in. */
export function createTicketModal(t: Translator, input: NewTicket): APIInteractionResponse {
  return openModal({
    custom_id: customId(CREATE_MODAL_PREFIX, input.category, input.priority),
    title: t("ticket.modal.title"),
    components: [textInput(t, "subject", input.subject), textInput(t, "description", input.description)],
  });
}

/** The submitted form: the same checks and the same single call as `/ticket create` with options. */
export const createTicketModalHandler: ModalHandler<MaxisEnv> = {
  prefix: CREATE_MODAL_PREFIX,

  async run(ctx, [category = "", priority = ""]) {
    const actor = await ticketActor(ctx.interaction, ctx.env);
    if (!actor) return ephemeral(ticketErrorMessage(ctx.t, "guild_required"));
    const fields = modalFields(ctx.interaction.data.components);
    return openTicket(ctx, actor, {
      subject: fields.get("subject") ?? "",
      description: fields.get("description") ?? "",
      category,
      priority,
    });
  },
};
