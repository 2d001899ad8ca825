import { useState } from "preact/hooks";
import type { CategoryQuestion, CategorySettings, GuildRole } from "../../api";
import { useApp } from "../../context";
import { errorText } from "../../error-text";
import { RolePicker } from "./role-picker";

const MAX_QUESTIONS = 5;

/** A question as the editor holds it: the placeholder as typed ("" for none). */
type DraftQuestion = Omit<CategoryQuestion, "placeholder"> & { placeholder: string };

interface Props {
  categories: CategorySettings[];
  roles: GuildRole[] | null;
  editable: boolean;
  onChanged: () => Promise<void>;
}

/**
 * The server's ticket categories in their order: move up or down, and an editor per category (names,
 * emoji, who handles it, whether it takes tickets, its form's questions). The six keys are fixed: see
 * the lead text and the report of issue 11 §3 for why there is no "add".
 */
export function CategorySection({ categories, roles, editable, onChanged }: Props) {
  const { api, t, toast, locale } = useApp();
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = (c: CategorySettings) => (locale === "fr" ? c.labelFr : c.labelEn);

  /** Swaps positions with the neighbour; positions are renumbered 0..n-1 so ties cannot stick. */
  const move = async (index: number, by: -1 | 1) => {
    const order = [...categories];
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + by, 0, moved);
    try {
      for (const [position, category] of order.entries()) {
        if (category.position !== position) await api.updateCategory(category.key, { position });
      }
      setError(null);
      await onChanged();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <div class="categories">
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ol class="category-list">
        {categories.map((category, index) => (
          <li key={category.key} class={category.enabled ? "category" : "category off"}>
            <div class="category-row">
              <span class="category-emoji" aria-hidden="true">
                {category.emoji ?? "•"}
              </span>
              <span class="category-name">{label(category)}</span>
              {!category.enabled && <span class="badge muted">{t("settings.category.disabled")}</span>}
              {editable && (
                <span class="category-actions">
                  <button
                    type="button"
                    class="btn ghost icon"
                    disabled={index === 0}
                    aria-label={t("settings.category.up", { name: label(category) })}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="btn ghost icon"
                    disabled={index === categories.length - 1}
                    aria-label={t("settings.category.down", { name: label(category) })}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
              <button
                type="button"
                class="btn ghost"
                aria-expanded={open === category.key}
                onClick={() => setOpen(open === category.key ? null : category.key)}
              >
                {t("settings.category.edit", { name: label(category) })}
              </button>
            </div>
            {open === category.key && (
              <CategoryEditor
                category={category}
                roles={roles}
                editable={editable}
                onSaved={async () => {
                  toast(t("settings.saved"));
                  await onChanged();
                }}
              />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function CategoryEditor({
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `category-${category.key}`;
  const name = locale === "fr" ? category.labelFr : category.labelEn;

  const setQuestion = (index: number, change: Partial<DraftQuestion>) =>
    setDraft((d) => ({
      ...d,
      questions: d.questions.map((q, i) => (i === index ? { ...q, ...change } : q)),
    }));

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
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
      setError(null);
      await onSaved();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="category-editor"
      aria-label={t("settings.category.edit", { name })}
      onSubmit={submit}
      noValidate
    >
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="field-row">
        <div class="field">
          <label for={`${id}-en`}>{t("settings.category.labelEn")}</label>
          <input
            id={`${id}-en`}
            maxLength={45}
            value={draft.labelEn}
            disabled={!editable}
            onInput={(e) => setDraft((d) => ({ ...d, labelEn: e.currentTarget.value }))}
          />
        </div>
        <div class="field">
          <label for={`${id}-fr`}>{t("settings.category.labelFr")}</label>
          <input
            id={`${id}-fr`}
            maxLength={45}
            value={draft.labelFr}
            disabled={!editable}
            onInput={(e) => setDraft((d) => ({ ...d, labelFr: e.currentTarget.value }))}
          />
        </div>
        <div class="field narrow">
          <label for={`${id}-emoji`}>{t("settings.category.emoji")}</label>
          <input
            id={`${id}-emoji`}
            maxLength={64}
            value={draft.emoji}
            disabled={!editable}
            onInput={(e) => setDraft((d) => ({ ...d, emoji: e.currentTarget.value }))}
          />
        </div>
      </div>
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
      <fieldset class="field questions">
        <legend>{t("settings.category.questions")}</legend>
        <small>{t("settings.category.questionsHint")}</small>
        {draft.questions.length === 0 && <p class="muted">{t("settings.category.noQuestions")}</p>}
        {draft.questions.map((question, index) => {
          const n = index + 1;
          const qid = `${id}-q${n}`;
          return (
            <div class="question" key={qid}>
              <div class="field-row">
                <div class="field">
                  <label for={`${qid}-label`}>{t("settings.question.label", { n })}</label>
                  <input
                    id={`${qid}-label`}
                    maxLength={45}
                    value={question.label}
                    disabled={!editable}
                    onInput={(e) => setQuestion(index, { label: e.currentTarget.value })}
                  />
                </div>
                <div class="field">
                  <label for={`${qid}-placeholder`}>{t("settings.question.placeholder")}</label>
                  <input
                    id={`${qid}-placeholder`}
                    maxLength={100}
                    value={question.placeholder}
                    disabled={!editable}
                    onInput={(e) => setQuestion(index, { placeholder: e.currentTarget.value })}
                  />
                </div>
                <div class="field narrow">
                  <label for={`${qid}-style`}>{t("settings.question.style")}</label>
                  <select
                    id={`${qid}-style`}
                    value={question.style}
                    disabled={!editable}
                    onChange={(e) =>
                      setQuestion(index, {
                        style: e.currentTarget.value === "paragraph" ? "paragraph" : "short",
                      })
                    }
                  >
                    <option value="short">{t("settings.question.short")}</option>
                    <option value="paragraph">{t("settings.question.paragraph")}</option>
                  </select>
                </div>
              </div>
              <div class="question-foot">
                <label class="check">
                  <input
                    type="checkbox"
                    checked={question.required}
                    disabled={!editable}
                    onChange={(e) => setQuestion(index, { required: e.currentTarget.checked })}
                  />
                  <span>{t("settings.question.required")}</span>
                </label>
                {editable && (
                  <button
                    type="button"
                    class="btn ghost"
                    onClick={() =>
                      setDraft((d) => ({ ...d, questions: d.questions.filter((_, i) => i !== index) }))
                    }
                  >
                    {t("settings.question.remove", { n })}
                  </button>
                )}
              </div>
            </div>
          );
        })}
        {editable && draft.questions.length < MAX_QUESTIONS && (
          <button
            type="button"
            class="btn"
            onClick={() =>
              setDraft((d) => ({
                ...d,
                questions: [...d.questions, { label: "", placeholder: "", style: "short", required: true }],
              }))
            }
          >
            {t("settings.question.add")}
          </button>
        )}
      </fieldset>
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
