/**
 * The staff dashboard's Content-Security-Policy. The page loads only its own files (script,
 * stylesheet, favicon, config.json), calls Maxis's API, and shows Discord avatars, which Maxis only
 * ever hands out on cdn.discordapp.com (src/maxis/dashboard-auth/staff.ts); `data:` is the select
 * arrow drawn in admin-panel/src/styles/base.css. Inline styles are not
 * needed: Preact and uPlot set styles through the CSSOM, which CSP allows. Signing in is a link to
 * Maxis and signing out a fetch, so no form is ever submitted anywhere but the page itself.
 */

/** Avatars: https://cdn.discordapp.com/avatars/<user>/<hash>.png */
const DISCORD_CDN = "https://cdn.discordapp.com";

/** The origin the page calls for `maxisUrl` (MAXIS_URL); none when empty, as the page then calls its own. */
export function maxisOrigin(maxisUrl: string): string | null {
  if (!maxisUrl) return null;
  let url: URL;
  try {
    url = new URL(maxisUrl);
  } catch {
    throw new Error(`MAXIS_URL is not a URL: "${maxisUrl}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new Error(`MAXIS_URL must be an http(s) address, not "${maxisUrl}"`);
  return url.origin;
}

/**
 * `styleNonce` is for Vite's dev server only, which injects the CSS as <style> elements carrying
 * that nonce; the built site links a stylesheet.
 */
export function dashboardCsp(maxisUrl: string, options: { styleNonce?: string } = {}): string {
  const maxis = maxisOrigin(maxisUrl);
  const directives: [string, ...string[]][] = [
    ["default-src", "'none'"],
    ["script-src", "'self'"],
    ["style-src", "'self'", ...(options.styleNonce ? [`'nonce-${options.styleNonce}'`] : [])],
    ["img-src", "'self'", "data:", DISCORD_CDN],
    ["connect-src", "'self'", ...(maxis ? [maxis] : [])],
    ["font-src", "'self'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}
