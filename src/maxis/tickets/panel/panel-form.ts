/**
 * A category's form, opened from the panel: its questions (up to five) as a Discord modal, and what
 * the answers become: the ticket's subject (the category and the first short answer) and description
 * (each question and its answer), with the answers themselves stored beside the ticket. Pure.
 */
import { ComponentType, TextInputStyle } from "discord-api-types/payloads/v10";
import type { APIInteractionResponse } from "discord-api-types/v10";
import type { TicketCategory } from "../../../shared/contracts/settings";
import { customId } from "../../../shared/discord/handlers";
import { openModal } from "../../../shared/discord/responses";
import type { Locale } from "../../../shared/i18n";
import { cutAt } from "../../../shared/markdown";
import { err, ok, type Result } from "../../../shared/result";
import { categoryLabel } from "../../servers/settings";
import { type FormAnswer, TICKET_LIMITS } from "../rpc";

export const PANEL_FORM_PREFIX = "ticket-panel-form";
/** Five paragraphs of this length and their questions stay within a ticket's description. */
const PARAGRAPH_MAX = 700;
const SHORT_MAX = 200;

const fieldId = (index: number) => `q${index}`;

export function categoryFormModal(category: TicketCategory, locale: Locale): APIInteractionResponse {
  return openModal({
    custom_id: customId(PANEL_FORM_PREFIX, category.key),
    title: cutAt(categoryLabel(category, locale), 45),
    components: category.questions.slice(0, 5).map((question, index) => ({
      type: ComponentType.Label,
      label: cutAt(question.label, 45),
      component: {
        type: ComponentType.TextInput,
        custom_id: fieldId(index),
        style: question.style === "paragraph" ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: question.required,
        max_length: question.style === "paragraph" ? PARAGRAPH_MAX : SHORT_MAX,
        ...(question.placeholder ? { placeholder: cutAt(question.placeholder, 100) } : {}),
      },
    })),
  });
}

export interface CategoryForm {
  subject: string;
  description: string;
  answers: FormAnswer[];
}

/** The form, or the label of a required question left empty (a client that skipped Discord's own check). */
export type FormReading = Result<CategoryForm, { missing: string }>;

/** The submitted answers, read against the category's questions as they are now. */
export function readCategoryForm(
  category: TicketCategory,
  locale: Locale,
  fields: ReadonlyMap<string, string>,
): FormReading {
  const answers: FormAnswer[] = [];
  for (const [index, question] of category.questions.slice(0, 5).entries()) {
    const max = question.style === "paragraph" ? PARAGRAPH_MAX : SHORT_MAX;
    const answer = (fields.get(fieldId(index)) ?? "").trim().slice(0, max);
    if (question.required && answer === "") return err({ missing: question.label });
    answers.push({ question: question.label, answer });
  }
  const label = categoryLabel(category, locale);
  const firstShort = answers.find((a, i) => a.answer !== "" && category.questions[i]?.style === "short");
  // French typography: a space before the colon.
  const colon = locale === "fr" ? " : " : ": ";
  const subject = (firstShort ? `${label}${colon}${firstShort.answer.replace(/\s+/g, " ")}` : label).slice(
    0,
    TICKET_LIMITS.subject,
  );
  const description = answers
    .map((a) => `${a.question}\n${a.answer === "" ? "—" : a.answer}`)
    .join("\n\n")
    .slice(0, TICKET_LIMITS.description);
  return ok({ subject, description, answers });
}
