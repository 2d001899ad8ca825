import { resolveCategoryOption } from "./category-option";
import { createTicketModal } from "./create-modal";
import { ticketSubcommand } from "./define";
import { checkChoices, type NewTicket, openTicket } from "./open-ticket";
import { categoryOption, descriptionOption, priorityOption, subjectOption } from "./options";

/** `/ticket create [subject] [description] [category] [priority]`: a form opens for missing text. */
export const createSubcommand = ticketSubcommand({
  name: "create",
  staffOnly: false,
  options: [subjectOption, descriptionOption, categoryOption, priorityOption],

  async run(call, values) {
    const { ctx } = call;
    const input: NewTicket = {
      subject: values.subject ?? "",
      description: values.description ?? "",
      category: values.category ? await resolveCategoryOption(ctx, values.category) : "general",
      priority: values.priority ?? "medium",
    };
    const invalid = checkChoices(ctx, input);
    if (invalid) return invalid;
    if (!input.subject.trim() || !input.description.trim()) return createTicketModal(ctx.t, input);
    return openTicket(ctx, call, input);
  },
});
