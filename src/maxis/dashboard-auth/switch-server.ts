/**
 * The server switcher, for people who staff several servers. A session is for one server; switching
 * opens a new session for the other server and ends the current one, and only when Discord confirms,
 * with the person's own OAuth token exactly as at sign-in, that they are staff there:
 *   GET  /auth/servers  the servers both the person and Maxis's bot are in (the current one marked)
 *   POST /auth/switch   { guildId } → 204 with the new session cookie; 403 when not staff there
 * Nothing the browser says about roles is trusted: it names a server, Discord says the rest.
 * POST is Origin-checked (CSRF) and takes JSON only; the cookie keeps its flags (HttpOnly, Secure,
 * SameSite=Strict).
 */
import { type Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";

import { resolveLocale, translatorFor } from "../../shared/i18n";
import { err, ok } from "../../shared/result";
import { botServers } from "../servers/discord-directory";
import { serverSettings } from "../servers/settings-store";
import { DiscordOAuthError, readProfile, userGuilds } from "./discord-oauth";
import { dashboardCors, requireDashboardOrigin } from "./origin";
import { authenticateStaff, endStaffSession, sessionOAuthToken, startStaffSession } from "./server-session";
import { DEFAULT_SESSION_SECONDS, SESSION_COOKIE } from "./session-token";
import { dashboardRole } from "./staff";

type SwitchEnv = { Bindings: MaxisEnv };
type SwitchContext = Context<SwitchEnv>;

const SNOWFLAKE = /^[0-9]{1,20}$/;

function refuse(c: SwitchContext, status: 400 | 401 | 403 | 415 | 502, code: string, key: string) {
  const t = translatorFor(resolveLocale(c.req.header("Accept-Language")?.split(",")[0]?.trim()));
  c.header("Cache-Control", "no-store");
  return c.json({ error: { code, message: t(key as Parameters<typeof t>[0]) } }, status);
}

/** The signed-in session with its OAuth token, or the 401 to answer. */
async function currentSession(c: SwitchContext) {
  const token = getCookie(c, SESSION_COOKIE);
  if (!token) return err(refuse(c, 401, "unauthenticated", "api.error.unauthenticated"));
  const check = await authenticateStaff(c.env, token);
  if (!check.ok) return err(refuse(c, 401, check.error, `api.error.${check.error}`));
  const { session } = check.value;
  const oauthToken = await sessionOAuthToken(c.env, session);
  if (!oauthToken) return err(refuse(c, 401, "role_unverified", "api.error.role_unverified"));
  return ok({ token, session, oauthToken });
}

export const switchServerRoutes = new Hono<SwitchEnv>();

const allowDashboard = dashboardCors({ allowMethods: ["GET", "POST"], allowHeaders: ["Content-Type"] });
switchServerRoutes.use("/servers", allowDashboard);
switchServerRoutes.use("/switch", allowDashboard);

switchServerRoutes.get("/servers", async (c) => {
  const session = await currentSession(c);
  if (!session.ok) return session.error;
  const current = session.value;
  try {
    const [mine, bots] = await Promise.all([userGuilds(c.env, current.oauthToken), botServers(c.env)]);
    const served = new Set(bots.map((g) => g.id));
    const servers = mine
      .filter((g) => served.has(g.id))
      .map((g) => ({ id: g.id, name: g.name, current: g.id === current.session.guild_id }))
      .sort((a, b) => Number(b.current) - Number(a.current) || a.name.localeCompare(b.name));
    c.header("Cache-Control", "no-store");
    return c.json({ servers });
  } catch (error) {
    console.warn("server switcher: Discord did not answer", String(error));
    return refuse(c, 502, "discord_unavailable", "settings.error.discord_unavailable");
  }
});

switchServerRoutes.post("/switch", requireDashboardOrigin(SESSION_COOKIE), async (c) => {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header("Content-Type") ?? "")) {
    return refuse(c, 415, "unsupported_media_type", "api.error.unsupported_media_type");
  }
  const session = await currentSession(c);
  if (!session.ok) return session.error;
  const current = session.value;
  const body = (await c.req.json().catch(() => null)) as { guildId?: unknown } | null;
  const guildId = typeof body?.guildId === "string" && SNOWFLAKE.test(body.guildId) ? body.guildId : null;
  if (!guildId) return refuse(c, 400, "unknown_server", "servers.error.unknown_server");
  let profile: Awaited<ReturnType<typeof readProfile>>;
  try {
    const bots = await botServers(c.env);
    if (!bots.some((g) => g.id === guildId))
      return refuse(c, 403, "unknown_server", "servers.error.unknown_server");
    profile = await readProfile(c.env, current.oauthToken, guildId);
  } catch (error) {
    if (error instanceof DiscordOAuthError && error.status === 401) {
      return refuse(c, 401, "role_unverified", "api.error.role_unverified");
    }
    console.warn("server switcher: Discord did not answer", String(error));
    return refuse(c, 502, "discord_unavailable", "settings.error.discord_unavailable");
  }
  if (!profile.member) return refuse(c, 403, "unknown_server", "servers.error.unknown_server");
  const settings = await serverSettings(c.env, guildId);
  const role = dashboardRole(profile.user, profile.guild, profile.member, settings.staffRoleIds);
  if (role === "member") {
    console.log("server switch refused: not staff there", { user: current.session.sub, guildId });
    return refuse(c, 403, "not_staff_there", "servers.error.not_staff_there");
  }
  const { token } = await startStaffSession(
    c.env,
    { userId: current.session.sub, guildId, appRole: role, roleIds: profile.member.roles },
    { accessToken: current.oauthToken },
  );
  await endStaffSession(c.env, current.token);
  setCookie(c, SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    maxAge: DEFAULT_SESSION_SECONDS,
  });
  console.log("dashboard server switch", { user: current.session.sub, guildId, role });
  c.header("Cache-Control", "no-store");
  return c.json({ guildId, appRole: role });
});
