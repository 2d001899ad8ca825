/**
 * One feature's messages in both languages. English is the source; the French object must have
 * exactly the same keys, which the type enforces. Placeholders are written `{name}`.
 */
export function defineMessages<const Keys extends string>(
  en: Record<Keys, string>,
  fr: NoInfer<Record<Keys, string>>,
): { en: Record<Keys, string>; fr: Record<Keys, string> } {
  return { en, fr };
}
