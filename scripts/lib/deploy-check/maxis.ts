/** Maxis's settings: Supabase, Discord ids, the dashboard's addresses and its own secrets. */

import { isPlatformSubdomain, isSameSite, registrableDomain } from "./site";
import type { Findings, WorkerInput } from "./types";
import {
  HEX_64,
  httpsUrl,
  isLocalHost,
  isRecord,
  MULTI_LINE_HINT,
  parseJson,
  snowflakeListProblem,
  snowflakeProblem,
  unverifiedClaims,
} from "./values";

function checkSupabase(vars: Record<string, string>, findings: Findings): void {
  const url = vars["SUPABASE_URL"] ?? "";
  const parsed = httpsUrl(url);
  if (!url)
    findings.error("maxis SUPABASE_URL", "is empty: set your project's URL, https://<ref>.supabase.co");
  else if (!parsed || isLocalHost(parsed)) {
    findings.error(
      "maxis SUPABASE_URL",
      `"${url}" is not your project's https URL (https://<ref>.supabase.co)`,
    );
  }

  const key = vars["SUPABASE_PUBLISHABLE_KEY"] ?? "";
  const where = "maxis SUPABASE_PUBLISHABLE_KEY";
  if (!key) {
    findings.error(where, "is empty: copy the publishable key from Settings → API Keys");
  } else if (key.startsWith("sb_secret_")) {
    findings.error(
      where,
      "is a secret key (sb_secret_…): it bypasses Row Level Security and is public in [vars]; use the publishable key",
    );
  } else if (!key.startsWith("sb_publishable_")) {
    const claims = unverifiedClaims(key);
    if (!claims)
      findings.error(where, "is neither a publishable key (sb_publishable_…) nor a legacy anon key");
    else if (claims["role"] !== "anon") {
      findings.error(
        where,
        `is a legacy key for the role "${String(claims["role"])}": only the anon key (or the publishable key) belongs here`,
      );
    } else {
      findings.warning(
        where,
        "is the legacy anon key: it works until Supabase retires legacy keys; prefer the publishable key",
      );
    }
  }
}

function checkDiscordIds(vars: Record<string, string>, findings: Findings): void {
  const applicationId = vars["DISCORD_APPLICATION_ID"] ?? "";
  if (!applicationId) {
    findings.error(
      "maxis DISCORD_APPLICATION_ID",
      "is empty: `/maxis restart` and the dashboard sign-in need it",
    );
  } else {
    const problem = snowflakeProblem(applicationId);
    if (problem) findings.error("maxis DISCORD_APPLICATION_ID", problem);
  }
  for (const [name, whenEmpty] of [
    [
      "DISCORD_GUILD_ID",
      "is empty: nobody can sign in to the dashboard and no ticket is posted to the staff channel",
    ],
    ["STAFF_ROLE_ID", "is empty: only administrators and members with Manage Server act as staff"],
    ["TICKET_STAFF_CHANNEL_ID", "is empty: new tickets are not announced to the team"],
  ] as const) {
    const value = vars[name] ?? "";
    if (!value) findings.warning(`maxis ${name}`, whenEmpty);
    else {
      const problem = snowflakeProblem(value);
      if (problem) findings.error(`maxis ${name}`, problem);
    }
  }
  const guilds = vars["COMMAND_GUILD_IDS"] ?? "";
  if (guilds) {
    const problem = snowflakeListProblem(guilds);
    if (problem) findings.error("maxis COMMAND_GUILD_IDS", problem);
  }
}

/** The dashboard and Maxis must be one site, or the SameSite=Strict session cookie never comes back. */
function checkDashboard(vars: Record<string, string>, findings: Findings): void {
  const origin = vars["DASHBOARD_ORIGIN"] ?? "";
  const redirect = vars["DISCORD_OAUTH_REDIRECT_URI"] ?? "";
  const dashboard = httpsUrl(origin);
  if (!origin)
    findings.error(
      "maxis DASHBOARD_ORIGIN",
      "is empty: the dashboard's address, e.g. https://support.example.com",
    );
  else if (!dashboard || isLocalHost(dashboard))
    findings.error("maxis DASHBOARD_ORIGIN", `"${origin}" is not an https address`);
  else if (dashboard.origin !== origin) {
    findings.error(
      "maxis DASHBOARD_ORIGIN",
      `must be an origin only (${dashboard.origin}), with no path or trailing slash`,
    );
  }

  const authorize = vars["DISCORD_OAUTH_AUTHORIZE_URL"] ?? "";
  if (authorize !== "https://discord.com/oauth2/authorize") {
    findings.error(
      "maxis DISCORD_OAUTH_AUTHORIZE_URL",
      `is "${authorize}": leave it https://discord.com/oauth2/authorize`,
    );
  }

  if (!redirect) {
    findings.warning(
      "maxis DISCORD_OAUTH_REDIRECT_URI",
      "is empty: the dashboard sign-in is off (a 503 page)",
    );
    return;
  }
  const callback = httpsUrl(redirect);
  if (
    !callback ||
    isLocalHost(callback) ||
    callback.pathname !== "/auth/discord/callback" ||
    callback.search
  ) {
    findings.error(
      "maxis DISCORD_OAUTH_REDIRECT_URI",
      `"${redirect}" is not https://<Maxis's address>/auth/discord/callback`,
    );
    return;
  }
  const platform = isPlatformSubdomain(callback.hostname);
  if (platform) {
    findings.error(
      "maxis DISCORD_OAUTH_REDIRECT_URI",
      `Maxis is on ${platform} (${callback.hostname}), which is never the same site as the dashboard: give Maxis a Custom Domain in a zone of your Cloudflare account`,
    );
    return;
  }
  if (dashboard && dashboard.origin === origin && !isSameSite(dashboard, callback)) {
    const where = isPlatformSubdomain(dashboard.hostname)
      ? `the dashboard is on ${isPlatformSubdomain(dashboard.hostname)}`
      : `${registrableDomain(dashboard.hostname)} is not ${registrableDomain(callback.hostname)}`;
    findings.error(
      "maxis DASHBOARD_ORIGIN",
      `${origin} and Maxis (${callback.origin}) are not the same site (${where}): put Maxis's Custom Domain and the Pages custom domain under one domain that is an active Cloudflare zone`,
    );
  }
}

function checkSecrets(secrets: Record<string, string>, findings: Findings): void {
  const controlKeys = secrets["CONTROL_KEYS"];
  if (controlKeys) {
    const parsed = parseJson(controlKeys);
    if (!parsed.ok) findings.error("maxis CONTROL_KEYS", MULTI_LINE_HINT);
    else if (!isRecord(parsed.value) || Object.keys(parsed.value).length === 0) {
      findings.error(
        "maxis CONTROL_KEYS",
        'must be a JSON object of key ids and secrets: {"2026-11": "<secret>"}',
      );
    } else {
      for (const [id, secret] of Object.entries(parsed.value)) {
        if (!id.trim()) findings.error("maxis CONTROL_KEYS", "has an empty key id");
        if (typeof secret !== "string" || secret.length < 32) {
          findings.error(
            "maxis CONTROL_KEYS",
            `the secret of key "${id}" is shorter than 32 characters: use \`openssl rand -hex 32\``,
          );
        }
      }
    }
  }
  const session = secrets["SESSION_SECRET"];
  if (session && session.length < 32) {
    findings.error("maxis SESSION_SECRET", "is shorter than 32 characters: use `openssl rand -hex 32`");
  } else if (session && !HEX_64.test(session) && session.length < 64) {
    findings.warning("maxis SESSION_SECRET", "is not 32 random bytes in hex (`openssl rand -hex 32`)");
  }
}

export function checkMaxis(maxis: WorkerInput, findings: Findings): void {
  checkSupabase(maxis.vars, findings);
  checkDiscordIds(maxis.vars, findings);
  checkDashboard(maxis.vars, findings);
  checkSecrets(maxis.secrets, findings);
}
