/**
 * A member clicks the panel (a category's button, or the category menu) → that category's form opens
 * → its submission opens the ticket, with its thread, as `/ticket create` does. The category is looked
 * up in the settings of the server the signed interaction comes from, and must be enabled there: a
 * forged or stale custom_id cannot open a disabled category, nor reach another server's.
 */
import type { APIInteractionResponse } from "discord-api-types/v10";
import type { TicketCategory } from "../../../shared/contracts/settings";
import type { ComponentHandler, InteractionContext, ModalHandler } from "../../../shared/discord/handlers";
import { ephemeral } from "../../../shared/discord/responses";
import { resolveLocale } from "../../../shared/i18n";
import { enabledCategories } from "../../servers/settings";
import { serverSettings } from "../../servers/settings-store";
import { clientFor, refused, ticketActor } from "../commands/context";
import { createTicketModal } from "../commands/create-modal";
import { modalFields } from "../commands/modal-fields";
import { ticketOpened } from "../commands/open-ticket";
import { ticketErrorMessage } from "../errors";
import { createTicketWithAnswers } from "../rpc";
import { categoryFormModal, PANEL_FORM_PREFIX, readCategoryForm } from "./panel-form";
import { PANEL_PREFIX } from "./panel-message";

/** The enabled category of the interaction's server with this key, or null. */
async function enabledCategory(
  ctx: InteractionContext<MaxisEnv>,
  key: string | undefined,
): Promise<TicketCategory | null> {
  const guildId = ctx.interaction.guild_id;
  if (!guildId || !key) return null;
  const settings = await serverSettings(
    ctx.env,
    guildId,
    resolveLocale(ctx.interaction.guild_locale ?? undefined),
  );
  return enabledCategories(settings).find((category) => category.key === key) ?? null;
}

const unavailable = (ctx: InteractionContext<MaxisEnv>): APIInteractionResponse =>
  ephemeral(ctx.t("panel.category_unavailable"));

export const panelButtons: ComponentHandler<MaxisEnv> = {
  prefix: PANEL_PREFIX,

  async run(ctx, [fromButton]) {
    if (!ctx.interaction.guild_id) return ephemeral(ticketErrorMessage(ctx.t, "guild_required"));
    const values = (ctx.interaction.data as { values?: unknown }).values;
    const key =
      fromButton ?? (Array.isArray(values) && typeof values[0] === "string" ? values[0] : undefined);
    const category = await enabledCategory(ctx, key);
    if (!category) return unavailable(ctx);
    if (category.questions.length === 0) {
      return createTicketModal(ctx.t, {
        subject: "",
        description: "",
        category: category.key,
        priority: "medium",
      });
    }
    return categoryFormModal(category, ctx.locale);
  },
};

export const panelForm: ModalHandler<MaxisEnv> = {
  prefix: PANEL_FORM_PREFIX,

  async run(ctx, [key]) {
    const actor = await ticketActor(ctx.interaction, ctx.env);
    if (!actor) return ephemeral(ticketErrorMessage(ctx.t, "guild_required"));
    const category = await enabledCategory(ctx, key);
    // A form without questions never opens from the panel (the plain create form does).
    if (!category || category.questions.length === 0) return unavailable(ctx);
    const form = readCategoryForm(category, ctx.locale, modalFields(ctx.interaction.data.components));
    if (!form.ok) return ephemeral(ctx.t("panel.answer_required", { question: form.error.missing }));
    const { subject, description, answers } = form.value;
    const result = await createTicketWithAnswers(await clientFor(ctx.env, actor), {
      subject,
      description,
      category: category.key,
      answers,
      locale: ctx.locale,
    });
    if (!result.ok) return refused(ctx, result.error);
    return ticketOpened(ctx, result.value);
  },
};
