import { SNIPPET_LIMITS, type Snippet, type SnippetInput } from "../../api";
import { useApp } from "../../context";
import { ErrorAlert } from "../form/error-alert";
import { Field } from "../form/field";
import { SaveBar } from "../form/save-bar";
import { useDraft } from "../form/use-draft";
import { useSaveable } from "../form/use-saveable";

const EMPTY: SnippetInput = { name: "", bodyEn: "", bodyFr: "" };

/** Adding a snippet (`initial` null) or editing one: its name and both bodies. */
export function SnippetForm({
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
