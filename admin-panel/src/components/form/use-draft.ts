import { useState } from "preact/hooks";

/** A form's values as typed, and a setter per field (`set("name")(value)`). */
export function useDraft<D extends object>(initial: D | (() => D)) {
  const [draft, setDraft] = useState<D>(initial);
  const set =
    <K extends keyof D>(key: K) =>
    (value: D[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  return { draft, setDraft, set };
}
