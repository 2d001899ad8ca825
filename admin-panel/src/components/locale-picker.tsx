import { type Locale, translate } from "../i18n";
import "./locale-picker.css";

const NAMES: Record<Locale, { short: string; long: string }> = {
  en: { short: "EN", long: "English" },
  fr: { short: "FR", long: "Français" },
};

/** The dashboard's language switch, labelled for screen readers; `long` spells the languages out. */
export function LocalePicker({
  id,
  locale,
  setLocale,
  long = false,
}: {
  id: string;
  locale: Locale;
  setLocale: (locale: Locale) => void;
  long?: boolean;
}) {
  return (
    <>
      <label class="visually-hidden" for={id}>
        {translate(locale, "nav.language")}
      </label>
      <select
        id={id}
        class="locale"
        value={locale}
        onChange={(e) => setLocale(e.currentTarget.value as Locale)}
      >
        {(Object.keys(NAMES) as Locale[]).map((value) => (
          <option key={value} value={value}>
            {long ? NAMES[value].long : NAMES[value].short}
          </option>
        ))}
      </select>
    </>
  );
}
