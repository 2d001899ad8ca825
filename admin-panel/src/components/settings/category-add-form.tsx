import { useState } from "preact/hooks";
import type { CategorySettings } from "../../api";
import { useApp } from "../../context";
import { ErrorAlert } from "../form/error-alert";
import { useSaveable } from "../form/use-saveable";
import { CategoryNameFields } from "./category-name-fields";
import "./category-add-form.css";

const EMPTY = { labelEn: "", labelFr: "", emoji: "" };

/**
 * "Add a category": its names in English and French and an emoji. The server makes its key from the
 * English name, puts it last and turns it on; roles and questions are set in its editor afterwards.
 */
export function AddCategoryForm({ onAdded }: { onAdded: (category: CategorySettings) => Promise<void> }) {
  const { api, t } = useApp();
  const [draft, setDraft] = useState(EMPTY);
  const { busy, error, run } = useSaveable();

  const submit = async (event: Event) => {
    event.preventDefault();
    await run(async () => {
      const added = await api.addCategory({
        labelEn: draft.labelEn,
        labelFr: draft.labelFr,
        emoji: draft.emoji.trim() || null,
      });
      setDraft(EMPTY);
      await onAdded(added);
    });
  };

  return (
    <form class="category-add" aria-labelledby="category-add-title" onSubmit={submit} noValidate>
      <h3 id="category-add-title">{t("settings.category.new")}</h3>
      <ErrorAlert error={error} />
      <CategoryNameFields
        idPrefix="category-add"
        names={draft}
        required
        onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
      />
      <div class="actions">
        <button type="submit" class="btn primary" disabled={busy}>
          {busy ? t("settings.saving") : t("settings.category.add")}
        </button>
      </div>
    </form>
  );
}
