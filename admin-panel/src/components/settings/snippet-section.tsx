import { useState } from "preact/hooks";
import { SNIPPET_VARIABLES } from "../../../../src/shared/snippet-render";
import { SNIPPET_LIMITS, type Snippet, type SnippetInput } from "../../api";
import { useApp } from "../../context";
import { errorText } from "../../error-text";
import { ErrorAlert } from "../form/error-alert";
import { Field } from "../form/field";
import { SaveBar } from "../form/save-bar";
import { useDraft } from "../form/use-draft";
import { useSaveable } from "../form/use-saveable";

const EMPTY: SnippetInput = { name: "", bodyEn: "", bodyFr: "" };

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

function SnippetForm({
  initial,
  onDone,
}: {
  initial: Snippet | null;
  onDone: (saved: boolean) => Promise<void>;
}) {
  const { api, t, toast } = useApp();
  const { draft, set } = useDraft<SnippetInput>(
    initial ? { name: initial.name, bodyEn: initial.bodyEn, bodyFr: initial.bodyFr } : EMPTY,
  );
  const { busy, error, run } = useSaveable();
  const id = initial ? `snippet-${initial.id}` : "snippet-new";

  const submit = (event: Event) => {
    event.preventDefault();
    return run(async () => {
      if (initial) await api.updateSnippet(initial.id, draft);
      else await api.createSnippet(draft);
      toast(t("settings.saved"));
      await onDone(true);
    });
  };

  return (
    <form
      class="snippet-form"
      aria-label={initial ? t("settings.snippets.edit", { name: initial.name }) : t("settings.snippets.new")}
      onSubmit={submit}
      noValidate
    >
      <ErrorAlert error={error} />
      <Field id={`${id}-name`} label={t("settings.snippets.name")}>
        <input
          id={`${id}-name`}
          maxLength={SNIPPET_LIMITS.name}
          value={draft.name}
          autoComplete="off"
          onInput={(e) => set("name")(e.currentTarget.value)}
        />
      </Field>
      <div class="field-row">
        <Field id={`${id}-en`} label={t("settings.snippets.bodyEn")}>
          <textarea
            id={`${id}-en`}
            rows={4}
            maxLength={SNIPPET_LIMITS.body}
            value={draft.bodyEn}
            onInput={(e) => set("bodyEn")(e.currentTarget.value)}
          />
        </Field>
        <Field id={`${id}-fr`} label={t("settings.snippets.bodyFr")}>
          <textarea
            id={`${id}-fr`}
            rows={4}
            maxLength={SNIPPET_LIMITS.body}
            value={draft.bodyFr}
            onInput={(e) => set("bodyFr")(e.currentTarget.value)}
          />
        </Field>
      </div>
      <SaveBar
        busy={busy}
        label={initial ? t("settings.save") : t("settings.snippets.add")}
        savingLabel={t("settings.saving")}
        before={
          <button type="button" class="btn ghost" onClick={() => onDone(false)}>
            {t("settings.snippets.cancel")}
          </button>
        }
      />
    </form>
  );
}
