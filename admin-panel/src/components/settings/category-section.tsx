import { useState } from "preact/hooks";
import type { CategorySettings, GuildRole } from "../../api";
import { useApp } from "../../context";
import { ErrorAlert } from "../form/error-alert";
import { useAttempt } from "../form/use-attempt";
import { AddCategoryForm } from "./category-add-form";
import { CategoryEditor } from "./category-editor";

/** Discord shows at most 25 options in a menu or an autocomplete; the server keeps to it too. */
export const MAX_CATEGORIES = 25;

interface Props {
  categories: CategorySettings[];
  roles: GuildRole[] | null;
  editable: boolean;
  onChanged: () => Promise<void>;
}

/**
 * The server's ticket categories in their order: move one up or down, open its editor (names, emoji,
 * who handles it, whether it takes tickets, its form), and add a new one at the end.
 */
export function CategorySection({ categories, roles, editable, onChanged }: Props) {
  const { api, t, toast, locale } = useApp();
  const [open, setOpen] = useState<string | null>(null);
  const { error, attempt } = useAttempt();
  const label = (c: CategorySettings) => (locale === "fr" ? c.labelFr : c.labelEn);

  /** Swaps the category with its neighbour: the whole new order in one call, audited once. */
  const move = async (index: number, by: -1 | 1) => {
    const order = categories.map((c) => c.key);
    const [moved] = order.splice(index, 1);
    if (!moved) return;
    order.splice(index + by, 0, moved);
    await attempt(async () => {
      await api.reorderCategories(order);
      await onChanged();
    });
  };

  return (
    <div class="categories">
      <ErrorAlert error={error} />
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
      {editable &&
        (categories.length < MAX_CATEGORIES ? (
          <AddCategoryForm
            onAdded={async (category) => {
              toast(t("settings.category.added", { name: label(category) }));
              await onChanged();
            }}
          />
        ) : (
          <p class="muted">{t("settings.category.full", { max: MAX_CATEGORIES })}</p>
        ))}
    </div>
  );
}
