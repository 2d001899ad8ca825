import { useState } from "preact/hooks";
import type { CategorySettings, GuildRole } from "../../api";
import { useApp } from "../../context";
import { ErrorAlert } from "../form/error-alert";
import { useSaveable } from "../form/use-saveable";
import { CategoryNameFields } from "./category-name-fields";
import { type DraftQuestion, QuestionsFieldset } from "./category-questions";
import { RolePicker } from "./role-picker";

/**
 * One category's editor: its names, emoji, who handles it, whether it takes tickets (turning it off
 * keeps its tickets), and its form's questions. Saved with one PATCH, which the server audits.
 */
export function CategoryEditor({
  category,
  roles,
  editable,
  onSaved,
}: {
  category: CategorySettings;
  roles: GuildRole[] | null;
  editable: boolean;
  onSaved: () => Promise<void>;
}) {
  const { api, t, locale } = useApp();
  const [draft, setDraft] = useState(() => ({
    labelEn: category.labelEn,
    labelFr: category.labelFr,
    emoji: category.emoji ?? "",
    enabled: category.enabled,
    staffRoleIds: category.staffRoleIds ?? [],
    questions: category.questions.map((q): DraftQuestion => ({ ...q, placeholder: q.placeholder ?? "" })),
  }));
  const { busy, error, run } = useSaveable();
  const id = `category-${category.key}`;
  const name = locale === "fr" ? category.labelFr : category.labelEn;

  const submit = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      await api.updateCategory(category.key, {
        labelEn: draft.labelEn,
        labelFr: draft.labelFr,
        emoji: draft.emoji.trim() || null,
        enabled: draft.enabled,
        staffRoleIds: draft.staffRoleIds,
        questions: draft.questions.map((q) => ({
          label: q.label,
          placeholder: q.placeholder.trim() ? q.placeholder : null,
          style: q.style,
          required: q.required,
        })),
      });
      await onSaved();
    });
  };

  return (
    <form
      class="category-editor"
      aria-label={t("settings.category.edit", { name })}
      onSubmit={submit}
      noValidate
    >
      <ErrorAlert error={error} />
      <CategoryNameFields
        idPrefix={id}
        names={draft}
        disabled={!editable}
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
      />
      <label class="check">
        <input
          type="checkbox"
          checked={draft.enabled}
          disabled={!editable}
          onChange={(e) => setDraft((d) => ({ ...d, enabled: e.currentTarget.checked }))}
        />
        <span>{t("settings.category.enabled")}</span>
      </label>
      <fieldset class="field">
        <legend>{t("settings.category.roles")}</legend>
        <RolePicker
          id={`${id}-roles`}
          roles={roles}
          selected={draft.staffRoleIds}
          disabled={!editable}
          onChange={(staffRoleIds) => setDraft((d) => ({ ...d, staffRoleIds }))}
        />
        <small>{t("settings.category.rolesHint")}</small>
      </fieldset>
      <QuestionsFieldset
        id={id}
        questions={draft.questions}
        editable={editable}
        onChange={(questions) => setDraft((d) => ({ ...d, questions }))}
      />
      {editable && (
        <div class="actions">
          <button type="submit" class="btn primary" disabled={busy}>
            {busy ? t("settings.saving") : t("settings.category.save", { name })}
          </button>
        </div>
      )}
    </form>
  );
}
