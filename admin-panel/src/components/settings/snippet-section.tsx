import { useState } from "preact/hooks";
import { SNIPPET_VARIABLES } from "../../../../src/shared/snippet-render";
import type { Snippet } from "../../api";
import { useApp } from "../../context";
import { errorText } from "../../error-text";
import { SnippetForm } from "./snippet-form";

/** The server's canned replies: everyone on the team reads them, admins add, edit and delete. */
export function SnippetSection({
  snippets,
  editable,
  onChanged,
}: {
  snippets: Snippet[];
  editable: boolean;
  onChanged: () => Promise<void>;
}) {
  const { api, t, toast } = useApp();
  /** The snippet being edited, "new" for the add form, null for none. */
  const [editing, setEditing] = useState<number | "new" | null>(null);

  const remove = async (snippet: Snippet) => {
    if (!confirm(t("settings.snippets.deleteConfirm", { name: snippet.name }))) return;
    try {
      await api.deleteSnippet(snippet.id);
      toast(t("settings.snippets.deleted"));
      await onChanged();
    } catch (err) {
      toast(errorText(err, t), "error");
    }
  };

  return (
    <div class="snippets">
      <p class="muted">
        {t("settings.snippets.variables", { list: SNIPPET_VARIABLES.map((v) => `{${v}}`).join(", ") })}
      </p>
      {snippets.length === 0 && <p class="muted">{t("settings.snippets.empty")}</p>}
      <ul class="snippet-list">
        {snippets.map((snippet) => (
          <li key={snippet.id} class="snippet">
            {editing === snippet.id ? (
              <SnippetForm
                initial={snippet}
                onDone={async (saved) => {
                  setEditing(null);
                  if (saved) await onChanged();
                }}
              />
            ) : (
              <>
                <div class="snippet-head">
                  <strong>{snippet.name}</strong>
                  {editable && (
                    <span class="snippet-actions">
                      <button type="button" class="btn ghost" onClick={() => setEditing(snippet.id)}>
                        {t("settings.snippets.edit", { name: snippet.name })}
                      </button>
                      <button type="button" class="btn ghost danger" onClick={() => remove(snippet)}>
                        {t("settings.snippets.delete", { name: snippet.name })}
                      </button>
                    </span>
                  )}
                </div>
                <p class="snippet-body" lang="en">
                  {snippet.bodyEn}
                </p>
                {snippet.bodyFr && (
                  <p class="snippet-body" lang="fr">
                    {snippet.bodyFr}
                  </p>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {editable &&
        (editing === "new" ? (
          <SnippetForm
            initial={null}
            onDone={async (saved) => {
              setEditing(null);
              if (saved) await onChanged();
            }}
          />
        ) : (
          <button type="button" class="btn" onClick={() => setEditing("new")}>
            {t("settings.snippets.new")}
          </button>
        ))}
    </div>
  );
}
