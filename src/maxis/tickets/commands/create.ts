import type { TicketSubcommand } from "./context";
import { createTicketModal } from "./create-modal";
import { checkChoices, type NewTicket, openTicket } from "./open-ticket";
import { categoryOption, descriptionOption, priorityOption, subcommand, subjectOption } from "./options";

/** `/ticket create [subject] [description] [category] [priority]`: a form opens for missing text. */
export const createSubcommand: TicketSubcommand = {
  data: subcommand("create", [subjectOption, descriptionOption, categoryOption, priorityOption]),
  staffOnly: false,

  run({ ctx, options, ...actor }) {
    const input: NewTicket = {
      subject: options.string("subject") ?? "",
      description: options.string("description") ?? "",
      category: options.string("category") ?? "general",
      priority: options.string("priority") ?? "medium",
    };
    const invalid = checkChoices(ctx, input);
    if (invalid) return invalid;
    if (!input.subject.trim() || !input.description.trim()) return createTicketModal(ctx.t, input);
    return openTicket(ctx, actor, input);
  },
};
