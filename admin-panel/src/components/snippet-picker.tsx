import { useEffect, useState } from "preact/hooks";
import { renderSnippet } from "../../../src/shared/snippet-render";
import type { Snippet, TicketSummary } from "../api";
import { useApp } from "../context";
import "./snippet-picker.css";

/** The `/name` being typed at the start of the reply, or null when the text is not a search. */
export function snippetQuery(text: string): string | null {
  const match = /^\/([^\n]{0,50})$/.exec(text);
  return match ? (match[1] ?? "") : null;
}

/**
 * The composer's canned replies: typing `/` at the start of the reply lists the server's snippets
 * matching what follows; arrows move, Enter or a click puts the snippet in the box, in the ticket's
 * language with its variables filled in (the same renderSnippet as Discord), ready to edit and send.
 */
export function useSnippetPicker(ticket: TicketSummary, text: string, setText: (text: string) => void) {
  const { api, session, userName } = useApp();
  const [snippets, setSnippets] = useState<Snippet[] | null>(null);
  const [serverName, setServerName] = useState<string | undefined>(undefined);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const query = dismissed ? null : snippetQuery(text);

  useEffect(() => {
    if (query === null || snippets) return;
    api
      .snippets()
      .then(setSnippets)
      .catch(() => setSnippets([]));
    api
      .servers()
      .then((answer) => setServerName(answer.servers.find((s) => s.current)?.name))
      .catch(() => undefined);
  }, [query === null]);
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    if (!text.startsWith("/")) setDismissed(false);
  }, [text]);

  const matches =
    query === null || !snippets
      ? []
      : snippets.filter((s) => s.name.toLowerCase().includes(query.trim().toLowerCase())).slice(0, 25);

  const insert = (snippet: Snippet) => {
    const french = ticket.ownerLocale === "fr" && snippet.bodyFr;
    const body = french ? snippet.bodyFr : snippet.bodyEn || snippet.bodyFr;
    const member = userName(ticket.ownerId);
    setText(
      renderSnippet(body, {
        member,
        ticket: `#${ticket.number}`,
        agent: session.user.name,
        server: serverName,
      }),
    );
  };

  const onKeyDown = (e: KeyboardEvent): boolean => {
    if (query === null || matches.length === 0) return false;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const by = e.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + by + matches.length) % matches.length);
      return true;
    }
    if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const chosen = matches[active];
      if (chosen) insert(chosen);
      return true;
    }
    if (e.key === "Escape") {
      e.preventDefault();
      setDismissed(true);
      return true;
    }
    return false;
  };

  return { open: query !== null, loading: query !== null && !snippets, matches, active, insert, onKeyDown };
}

export function SnippetList({ picker }: { picker: ReturnType<typeof useSnippetPicker> }) {
  const { t } = useApp();
  if (!picker.open) return null;
  return (
    <div class="snippet-picker">
      {picker.loading ? null : picker.matches.length === 0 ? (
        <p class="muted small">{t("snippets.picker.none")}</p>
      ) : (
        <div id="snippet-options" role="listbox" tabIndex={-1} aria-label={t("snippets.picker.search")}>
          {picker.matches.map((snippet, index) => (
            <div
              key={snippet.id}
              id={`snippet-option-${snippet.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === picker.active}
              class={index === picker.active ? "active" : ""}
              onMouseDown={(e) => {
                e.preventDefault();
                picker.insert(snippet);
              }}
            >
              <strong>{snippet.name}</strong>
              <span class="muted small">{snippet.bodyEn || snippet.bodyFr}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
