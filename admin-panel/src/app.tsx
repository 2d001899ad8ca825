import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { createApi, type SessionInfo } from "./api";
import { Avatar } from "./components/avatar";
import { LocalePicker } from "./components/locale-picker";
import { MainNav } from "./components/main-nav";
import { ServerSwitcher } from "./components/server-switcher";
import { AppContext, type AppContextValue } from "./context";
import { type Locale, type MessageKey, pickLocale, translate } from "./i18n";
import { InboxPage } from "./pages/inbox";
import { PlansPage } from "./pages/plans";
import { SalesPage } from "./pages/sales";
import { SettingsPage } from "./pages/settings";
import { SignInPage } from "./pages/sign-in";
import { StatsPage } from "./pages/stats";
import { TicketPage } from "./pages/ticket";
import { createPeopleDirectory } from "./people";
import { parseRoute, type Route } from "./route";

const LOCALE_KEY = "maxis.locale";

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);
  return route;
}

/** The page's states while it learns who is signed in (a state, not a result). */
type SessionState =
  | { state: "loading" }
  | { state: "signedOut"; expired: boolean }
  | { state: "in"; session: SessionInfo };

export function App({ apiBase }: { apiBase: string }) {
  const [locale, setLocale] = useState<Locale>(() =>
    pickLocale(localStorage.getItem(LOCALE_KEY), navigator.languages),
  );
  const [auth, setAuth] = useState<SessionState>({ state: "loading" });
  const [toasts, setToasts] = useState<{ id: number; text: string; kind: "ok" | "error" }[]>([]);
  const route = useRoute();
  const signedIn = useRef(false);

  const language = useRef(locale);
  language.current = locale;
  const api = useMemo(
    () =>
      createApi(
        apiBase,
        () => setAuth({ state: "signedOut", expired: signedIn.current }),
        () => language.current,
      ),
    [apiBase],
  );
  const [, setPeopleVersion] = useState(0);
  const people = useMemo(
    () =>
      createPeopleDirectory(
        async (ids) => (await api.people(ids)).people,
        () => setPeopleVersion((v) => v + 1),
      ),
    [api],
  );

  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem(LOCALE_KEY, locale);
  }, [locale]);

  useEffect(() => {
    api
      .session()
      .then((session) => {
        signedIn.current = true;
        setAuth({ state: "in", session });
      })
      .catch(() => setAuth({ state: "signedOut", expired: false }));
  }, [api]);

  const t = useCallback(
    (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params),
    [locale],
  );
  const toast = useCallback((text: string, kind: "ok" | "error" = "ok") => {
    const id = Date.now() + Math.random();
    setToasts((list) => [...list.slice(-2), { id, text, kind }]);
    setTimeout(() => setToasts((list) => list.filter((item) => item.id !== id)), 4000);
  }, []);

  useEffect(() => {
    const title =
      route.page === "ticket"
        ? t("ticket.number", { number: route.number })
        : t(
            route.page === "stats"
              ? "stats.title"
              : route.page === "plans"
                ? "plans.title"
                : route.page === "sales"
                  ? "sales.title"
                  : route.page === "settings"
                    ? "settings.title"
                    : "inbox.title",
          );
    document.title = `${title} · ${t("app.title")}`;
  }, [route, t]);

  if (auth.state === "loading") return <div class="boot" aria-busy="true" />;
  if (auth.state === "signedOut") {
    return (
      <SignInPage
        locale={locale}
        setLocale={setLocale}
        loginUrl={api.loginUrl(location.href)}
        expired={auth.expired}
      />
    );
  }

  const session = auth.session;
  const userName = (id: string | null): string => {
    if (!id) return t("ticket.unassigned");
    if (id === session.user.id) return `${session.user.name} (${t("user.you")})`;
    return people.get(id)?.name ?? t("user.unknown", { id: `…${id.slice(-4)}` });
  };
  const avatarOf = (id: string) =>
    id === session.user.id ? session.user.avatarUrl : (people.get(id)?.avatarUrl ?? null);
  const context: AppContextValue = { api, locale, t, session, toast, userName, avatarOf };

  const signOut = async () => {
    await api.logout().catch(() => undefined);
    signedIn.current = false;
    setAuth({ state: "signedOut", expired: false });
  };

  return (
    <AppContext.Provider value={context}>
      <a class="skip" href="#main">
        {t("app.skip")}
      </a>
      <header class="topbar">
        <a class="brand" href="#/inbox">
          <span class="brand-mark" aria-hidden="true">
            M
          </span>
          <span class="brand-name">{t("app.title")}</span>
        </a>
        <MainNav current={route.page} />
        <div class="account">
          <ServerSwitcher />
          <LocalePicker id="locale" locale={locale} setLocale={setLocale} />
          <span class="me" title={session.user.id}>
            <Avatar id={session.user.id} name={session.user.name} url={session.user.avatarUrl} />
            <span class="me-text">
              <span class="me-name">{session.user.name}</span>
              <span class="me-role">
                {t(session.appRole === "admin" ? "nav.role.admin" : "nav.role.agent")}
              </span>
            </span>
          </span>
          <button type="button" class="btn ghost signout" onClick={signOut}>
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />
            </svg>
            <span class="visually-hidden signout-text">{t("nav.signOut")}</span>
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === "inbox" && <InboxPage params={route.params} />}
        {route.page === "ticket" && <TicketPage number={route.number} />}
        {route.page === "stats" && <StatsPage />}
        {route.page === "plans" && <PlansPage selected={route.plan} />}
        {route.page === "sales" && <SalesPage />}
        {route.page === "settings" && <SettingsPage />}
      </main>
      <div class="toasts" role="status" aria-live="polite">
        {toasts.map((item) => (
          <div key={item.id} class={`toast ${item.kind}`}>
            {item.text}
          </div>
        ))}
      </div>
    </AppContext.Provider>
  );
}
