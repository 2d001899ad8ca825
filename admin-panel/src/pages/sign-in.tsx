import { LocalePicker } from "../components/locale-picker";
import { type Locale, translate } from "../i18n";
import "./sign-in.css";

export function SignInPage({
  locale,
  setLocale,
  loginUrl,
  expired,
}: {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  loginUrl: string;
  expired: boolean;
}) {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  return (
    <main id="main" class="signin">
      <div class="signin-card">
        <div class="signin-top">
          <span class="brand-mark big" aria-hidden="true">
            M
          </span>
          <LocalePicker id="signin-locale" locale={locale} setLocale={setLocale} long />
        </div>
        <h1>{t("signIn.title")}</h1>
        <p class="lead">{t("signIn.lead")}</p>
        {expired && (
          <p class="notice" role="alert">
            {t("signIn.expired")}
          </p>
        )}
        <a class="btn discord" href={loginUrl}>
          <svg viewBox="0 0 24 24" aria-hidden="true" width="22" height="22">
            <path
              fill="currentColor"
              d="M19.3 5.3A16.6 16.6 0 0 0 15.2 4l-.5 1a15.3 15.3 0 0 0-5.4 0l-.5-1a16.5 16.5 0 0 0-4.1 1.3C2 9.2 1.3 13 1.6 16.8a16.7 16.7 0 0 0 5 2.5l1.1-1.7c-.6-.2-1.2-.5-1.7-.9l.4-.3a11.9 11.9 0 0 0 11.2 0l.4.3c-.5.4-1.1.7-1.7.9l1.1 1.7a16.6 16.6 0 0 0 5-2.5c.4-4.4-.7-8.2-3.1-11.5ZM8.5 14.5c-1 0-1.8-.9-1.8-2s.8-2 1.8-2 1.8.9 1.8 2-.8 2-1.8 2Zm7 0c-1 0-1.8-.9-1.8-2s.8-2 1.8-2 1.8.9 1.8 2-.8 2-1.8 2Z"
            />
          </svg>
          {t("signIn.button")}
        </a>
        <p class="muted small">{t("signIn.note")}</p>
      </div>
    </main>
  );
}
