/**
 * Staff sign-in for the dashboard, through Discord OAuth2:
 *   GET  /auth/discord/login     → Discord's consent screen, with a `state` bound to a signed cookie
 *   GET  /auth/discord/callback  → state claimed (once), code exchange, staff check in our server,
 *                                  session opened server-side, session cookie, back to the dashboard
 *   GET  /auth/session           → who is signed in (the dashboard's first call), 401 otherwise
 *   POST /auth/logout            → ends the session server-side and clears the cookies (Origin-checked)
 * The session is the API's signed staff token in the HttpOnly, Secure, SameSite=Strict cookie
 * `maxis_session`, standing for a record Maxis keeps (server-session.ts); /api/v1 accepts nothing else
 * from a browser. Discord's `redirect_uri` is DISCORD_OAUTH_REDIRECT_URI, never the request's Host.
 */
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { type Locale, resolveLocale, translatorFor } from "../../shared/i18n";
import { cutAt } from "../../shared/markdown";
import { serverSettings } from "../servers/settings-store";
import { authorizeUrl, exchangeCode, readProfile } from "./discord-oauth";
import { claimOAuthState } from "./oauth-state-ledger";
import { dashboardCors, requireDashboardOrigin } from "./origin";
import { renderAuthPage } from "./page";
import { authenticateStaff, endStaffSession, startStaffSession } from "./server-session";
import { DEFAULT_SESSION_SECONDS, SESSION_COOKIE } from "./session-token";
import { avatarUrl, dashboardRole, displayName } from "./staff";
import { checkOAuthState, createOAuthState, STATE_COOKIE, STATE_TTL_SECONDS } from "./state";
import { switchServerRoutes } from "./switch-server";

/** Name and avatar for the dashboard's header; display only, so it is not part of the signed session. */
export const PROFILE_COOKIE = "maxis_profile";

type AuthEnv = { Bindings: MaxisEnv };
type AuthContext = Context<AuthEnv>;

const STATE_PATH = "/auth/discord";

const dashboardHome = (c: AuthContext) => `${c.env.DASHBOARD_ORIGIN || new URL(c.req.url).origin}/`;

/** Only addresses on the dashboard's own origin: the sign-in must never be an open redirect. */
export function safeReturnTo(
  candidate: string | undefined,
  dashboardOrigin: string,
  fallback: string,
): string {
  if (!candidate || !dashboardOrigin) return fallback;
  try {
    const url = new URL(candidate);
    return url.origin === dashboardOrigin ? url.toString() : fallback;
  } catch {
    return fallback;
  }
}

const requestLocale = (c: AuthContext): Locale =>
  resolveLocale(c.req.header("Accept-Language")?.split(",")[0]?.trim());

/** The configured callback address, or null when it is missing or not an http(s) URL. */
export function configuredRedirectUri(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function page(
  c: AuthContext,
  status: 400 | 403 | 502 | 503,
  locale: Locale,
  kind: "notStaff" | "notMember" | "expired" | "denied" | "failed" | "unconfigured",
  name = "",
) {
  const t = translatorFor(locale);
  const html = renderAuthPage(t, {
    lang: locale,
    heading: t(`dashboardAuth.${kind}.heading`),
    body: t(`dashboardAuth.${kind}.body`, { name }),
    links: [
      [t("dashboardAuth.retry"), `${STATE_PATH}/login`],
      [t("dashboardAuth.back"), dashboardHome(c)],
    ],
  });
  c.header("Cache-Control", "no-store");
  return c.html(html, status);
}

const cookieBase = { path: "/", httpOnly: true, secure: true, sameSite: "Strict" } as const;

export const dashboardAuthRoutes = new Hono<AuthEnv>();

// The dashboard (another origin) reads /auth/session and posts /auth/logout with its cookie.
dashboardAuthRoutes.use("/session", dashboardCors({ allowMethods: ["GET"] }));
dashboardAuthRoutes.use("/logout", dashboardCors({ allowMethods: ["POST"], allowHeaders: ["Content-Type"] }));

dashboardAuthRoutes.get("/discord/login", async (c) => {
  const redirectUri = configuredRedirectUri(c.env.DISCORD_OAUTH_REDIRECT_URI);
  if (!redirectUri) {
    console.error("dashboard sign-in: DISCORD_OAUTH_REDIRECT_URI is not set to an http(s) URL");
    return page(c, 503, requestLocale(c), "unconfigured");
  }
  const returnTo = safeReturnTo(c.req.query("return_to"), c.env.DASHBOARD_ORIGIN, dashboardHome(c));
  const { state, cookie } = await createOAuthState(c.env.SESSION_SECRET, returnTo);
  // Lax, not Strict: the cookie must come back on Discord's (cross-site) redirect to the callback.
  setCookie(c, STATE_COOKIE, cookie, {
    path: STATE_PATH,
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    maxAge: STATE_TTL_SECONDS,
  });
  c.header("Cache-Control", "no-store");
  return c.redirect(authorizeUrl(c.env, redirectUri, state), 302);
});

dashboardAuthRoutes.get("/discord/callback", async (c) => {
  let locale = requestLocale(c);
  const state = c.req.query("state");
  const checked = await checkOAuthState(c.env.SESSION_SECRET, getCookie(c, STATE_COOKIE), state);
  // One sign-in per state, whatever happens next: the cookie goes, and the server remembers the state
  // (a copied cookie replayed with the callback address is refused too).
  deleteCookie(c, STATE_COOKIE, { path: STATE_PATH, secure: true });
  if (!checked || !state) return page(c, 400, locale, "expired");
  if (!(await claimOAuthState(c.env, state, checked.expiresAt))) {
    console.warn("dashboard sign-in refused: OAuth state used twice");
    return page(c, 400, locale, "expired");
  }
  const redirectUri = configuredRedirectUri(c.env.DISCORD_OAUTH_REDIRECT_URI);
  if (!redirectUri) return page(c, 503, locale, "unconfigured");
  const code = c.req.query("code");
  if (c.req.query("error") || !code) return page(c, 403, locale, "denied");

  let profile: Awaited<ReturnType<typeof readProfile>>;
  let accessToken: string;
  try {
    accessToken = await exchangeCode(c.env, code, redirectUri);
    profile = await readProfile(c.env, accessToken, c.env.DISCORD_GUILD_ID);
  } catch (error) {
    console.error("dashboard sign-in: Discord OAuth2 failed", error);
    return page(c, 502, locale, "failed");
  }
  const { user, guild, member } = profile;
  if (typeof (user as { locale?: unknown }).locale === "string") {
    locale = resolveLocale((user as { locale: string }).locale);
  }
  const name = displayName(user, member);
  const settings = await serverSettings(c.env, c.env.DISCORD_GUILD_ID, locale);
  const role = dashboardRole(user, guild, member, settings.staffRoleIds);
  if (role === "member") {
    console.log("dashboard sign-in refused: not staff", { user: user.id, inGuild: Boolean(member) });
    return page(c, 403, locale, member ? "notStaff" : "notMember", name);
  }

  const { token } = await startStaffSession(
    c.env,
    { userId: user.id, guildId: c.env.DISCORD_GUILD_ID, appRole: role, roleIds: member?.roles ?? [] },
    { accessToken },
  );
  setCookie(c, SESSION_COOKIE, token, { ...cookieBase, maxAge: DEFAULT_SESSION_SECONDS });
  const displayProfile = JSON.stringify({ name: cutAt(name, 64), avatar: avatarUrl(user) });
  setCookie(c, PROFILE_COOKIE, encodeURIComponent(displayProfile), {
    ...cookieBase,
    maxAge: DEFAULT_SESSION_SECONDS,
  });
  console.log("dashboard sign-in", { user: user.id, role });
  c.header("Cache-Control", "no-store");
  return c.redirect(checked.returnTo, 302);
});

dashboardAuthRoutes.get("/session", async (c) => {
  const t = translatorFor(requestLocale(c));
  c.header("Cache-Control", "no-store");
  const token = getCookie(c, SESSION_COOKIE);
  if (!token)
    return c.json({ error: { code: "unauthenticated", message: t("api.error.unauthenticated") } }, 401);
  const check = await authenticateStaff(c.env, token);
  if (!check.ok) return c.json({ error: { code: check.error, message: t(`api.error.${check.error}`) } }, 401);
  const { sub, app_role, exp, guild_id } = check.value.session;
  let profile: { name?: unknown; avatar?: unknown } = {};
  try {
    profile = JSON.parse(decodeURIComponent(getCookie(c, PROFILE_COOKIE) ?? "{}"));
  } catch {
    // A damaged profile cookie only costs the name.
  }
  return c.json({
    user: {
      id: sub,
      name: typeof profile.name === "string" && profile.name ? profile.name : sub,
      avatarUrl:
        typeof profile.avatar === "string" && profile.avatar.startsWith("https://cdn.discordapp.com/")
          ? profile.avatar
          : null,
    },
    appRole: app_role,
    guildId: guild_id,
    expiresAt: new Date(exp * 1000).toISOString(),
  });
});

dashboardAuthRoutes.post("/logout", requireDashboardOrigin(SESSION_COOKIE), async (c) => {
  await endStaffSession(c.env, getCookie(c, SESSION_COOKIE));
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: true });
  deleteCookie(c, PROFILE_COOKIE, { path: "/", secure: true });
  return c.body(null, 204);
});

dashboardAuthRoutes.route("/", switchServerRoutes);
