import type { RefObject } from "preact";
import { type InboxQuery, TICKET_LIMITS, TICKET_PRIORITIES } from "../../api";
import { useCategories } from "../../categories";
import { SelectField } from "../../components/select-field";
import { useApp } from "../../context";
import { INBOX_SORTS } from "./query";
import "./inbox-filters.css";

/** The search box and the category, priority, assignee and sort filters of the inbox. */
export function InboxFilters({
  query,
  search,
  searchRef,
  onSearch,
  navigate,
  onClear,
}: {
  query: InboxQuery;
  search: string;
  searchRef: RefObject<HTMLInputElement | null>;
  onSearch: (value: string) => void;
  navigate: (change: Record<string, string | null>) => void;
  onClear: () => void;
}) {
  const { t } = useApp();
  const { categories, name } = useCategories();
  const filtered = Boolean(
    query.category || query.priority || query.assignee || query.mine || query.search || query.status,
  );
  return (
    <div class="filters">
      <div class="field search">
        <label for="inbox-search" class="visually-hidden">
          {t("inbox.search")}
        </label>
        <svg viewBox="0 0 24 24" aria-hidden="true" class="search-icon">
          <circle cx="11" cy="11" r="6" />
          <path d="m20 20-4.5-4.5" />
        </svg>
        <input
          id="inbox-search"
          ref={searchRef}
          type="search"
          value={search}
          maxLength={TICKET_LIMITS.search}
          placeholder={t("inbox.searchPlaceholder")}
          onInput={(e) => onSearch(e.currentTarget.value)}
        />
      </div>
      <SelectField
        id="filter-category"
        label={t("inbox.category")}
        value={query.category ?? ""}
        options={categories.map((c) => [c.key, name(c.key)] as const)}
        anyLabel={t("inbox.anyCategory")}
        onChange={(value) => navigate({ category: value })}
      />
      <SelectField
        id="filter-priority"
        label={t("inbox.priority")}
        value={query.priority ?? ""}
        options={TICKET_PRIORITIES.map((p) => [p, t(`priority.${p}`)] as const)}
        anyLabel={t("inbox.anyPriority")}
        onChange={(value) => navigate({ priority: value })}
      />
      <SelectField
        id="filter-assignee"
        label={t("inbox.assignee")}
        value={query.mine ? "mine" : (query.assignee ?? "")}
        options={[
          ["mine", t("inbox.mine")],
          ["none", t("inbox.unassigned")],
        ]}
        anyLabel={t("inbox.anyone")}
        onChange={(value) =>
          navigate(value === "mine" ? { mine: "true", assignee: null } : { mine: null, assignee: value })
        }
      />
      <SelectField
        id="filter-sort"
        label={t("inbox.sort")}
        value={query.sort ?? "newest"}
        options={INBOX_SORTS.map((s) => [s, t(`inbox.sort.${s}`)] as const)}
        onChange={(value) => navigate({ sort: value === "newest" ? null : value })}
      />
      {filtered && (
        <button type="button" class="btn ghost small" onClick={onClear}>
          {t("inbox.clear")}
        </button>
      )}
    </div>
  );
}
