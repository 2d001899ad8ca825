import { useEffect, useRef, useState } from "preact/hooks";
import { nameMatches } from "../../../../src/shared/name-search";
import type { AssigneeListGap, Person } from "../../api";
import { Avatar } from "../../components/avatar";
import { useApp } from "../../context";
import { errorText } from "../../error-text";
import type { TicketControlProps } from "./ticket-action";
import { useAssignees } from "./use-assignees";
import "./assignee-picker.css";

/** What the picker says under a list that is not everyone: why, and what to do. */
const GAP_NOTES = {
  large_server: "assignees.partial",
  members_intent: "assignees.noMembersIntent",
  discord_unavailable: "assignees.discordUnavailable",
} as const satisfies Record<AssigneeListGap, string>;

/** The listbox's first entry: nobody (unassign). */
const NOBODY: Person = { id: "", name: null, avatarUrl: null };

/**
 * Who handles the ticket: a searchable list of everyone who may take it (the server's staff-role
 * holders and admins, as Maxis reads them from Discord), opened by focusing the search box; arrows
 * move, Enter or a click assigns, Escape closes. "Assign to me" stays one click away.
 */
export function AssigneePicker({ ticket, busy, act }: TicketControlProps) {
  const { api, t, session, userName, avatarOf } = useApp();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const list = useAssignees(ticket.number, open, query);

  const shown = [
    ...(query.trim() ? [] : [NOBODY]),
    ...(list.people ?? []).filter((p) => nameMatches(p.name, query)),
  ];
  useEffect(() => setActive(0), [query, open]);

  const choose = (person: Person) => {
    setOpen(false);
    setQuery("");
    if ((person.id || null) === ticket.assigneeId) return;
    void act(() => api.assign(ticket.number, person.id || null), "ticket.assigned");
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      const by = e.key === "ArrowDown" ? 1 : -1;
      if (shown.length > 0) setActive((i) => (i + by + shown.length) % shown.length);
    } else if (e.key === "Enter" && open) {
      e.preventDefault();
      const chosen = shown[active];
      if (chosen) choose(chosen);
    } else if (e.key === "Escape") {
      setOpen(false);
    }
  };

  const assignee = ticket.assigneeId;
  const optionId = (person: Person) => `assignee-option-${person.id || "nobody"}`;
  return (
    <div class="field assignee-field">
      <span id="assignee-label" class="assignee-label">
        {t("ticket.assignee")}
      </span>
      <p class="assignee-current">
        {assignee && <Avatar id={assignee} name={userName(assignee)} url={avatarOf(assignee)} size={22} />}
        <output aria-labelledby="assignee-label" class={assignee ? "" : "muted"}>
          {assignee ? userName(assignee) : t("ticket.unassigned")}
        </output>
      </p>
      <div
        class="assignee-picker"
        ref={box}
        onFocusOut={(e) => {
          if (!box.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
        }}
      >
        <label class="visually-hidden" for="ticket-assignee">
          {t("assignees.searchLabel")}
        </label>
        <input
          id="ticket-assignee"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-expanded={open}
          aria-controls="assignee-options"
          aria-autocomplete="list"
          aria-activedescendant={open && shown[active] ? optionId(shown[active]) : undefined}
          placeholder={t("assignees.search")}
          value={query}
          disabled={busy}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
        />
        {open && (
          <div class="assignee-popover">
            {list.error !== null && (
              <p class="error small" role="alert">
                {errorText(list.error, t)}
              </p>
            )}
            {list.people === null && list.error === null && (
              <p class="muted small" aria-busy="true">
                {t("assignees.loading")}
              </p>
            )}
            <div id="assignee-options" role="listbox" tabIndex={-1} aria-label={t("assignees.searchLabel")}>
              {shown.map((person, index) => (
                <div
                  key={person.id || "nobody"}
                  id={optionId(person)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={index === active}
                  class={`assignee-option${index === active ? " active" : ""}`}
                  onMouseDown={(e) => {
                    // Chosen on mouse down, before the search box loses focus and closes the list.
                    e.preventDefault();
                    choose(person);
                  }}
                >
                  {person.id ? (
                    <>
                      <Avatar
                        id={person.id}
                        name={person.name ?? person.id}
                        url={person.avatarUrl}
                        size={22}
                      />
                      <span>{person.name ?? userName(person.id)}</span>
                      {person.id === assignee && <span class="muted small">✓</span>}
                    </>
                  ) : (
                    <span class="muted">{t("assignees.unassign")}</span>
                  )}
                </div>
              ))}
            </div>
            {list.people !== null && shown.length === 0 && <p class="muted small">{t("assignees.none")}</p>}
            {list.complete === false && (
              <p class="muted small">{t(GAP_NOTES[list.incomplete ?? "large_server"])}</p>
            )}
          </div>
        )}
      </div>
      {assignee !== session.user.id && (
        <button
          type="button"
          class="btn small"
          disabled={busy}
          onClick={() => void act(() => api.assign(ticket.number, session.user.id), "ticket.assigned")}
        >
          {t("ticket.assignMe")}
        </button>
      )}
    </div>
  );
}
