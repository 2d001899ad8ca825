/**
 * "Same site" as browsers decide it for SameSite cookies: same scheme and same registrable domain
 * (the public suffix plus one label). Offline, so the public-suffix list is reduced to the suffixes
 * that matter here (workers.dev and pages.dev, on which every account is its own site) and common
 * two-label country suffixes; for anything else the last two labels are taken.
 */
const MULTI_LABEL_SUFFIXES = new Set([
  "workers.dev",
  "pages.dev",
  "co.uk",
  "org.uk",
  "ac.uk",
  "gov.uk",
  "com.au",
  "net.au",
  "org.au",
  "co.nz",
  "co.jp",
  "co.za",
  "co.in",
  "com.br",
  "com.mx",
  "com.tr",
  "com.cn",
]);

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The registrable domain of a host name (the host itself for an IP address or a single label). */
export function registrableDomain(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, "");
  if (IPV4.test(name) || name.startsWith("[")) return name;
  const labels = name.split(".");
  if (labels.length <= 2) return name;
  const lastTwo = labels.slice(-2).join(".");
  return MULTI_LABEL_SUFFIXES.has(lastTwo) ? labels.slice(-3).join(".") : lastTwo;
}

export function isSameSite(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && registrableDomain(a.hostname) === registrableDomain(b.hostname);
}

/** workers.dev and pages.dev addresses: fine to try, but never the same site as anything else. */
export function isPlatformSubdomain(host: string): "workers.dev" | "pages.dev" | null {
  const name = host.toLowerCase();
  if (name.endsWith(".workers.dev")) return "workers.dev";
  if (name.endsWith(".pages.dev")) return "pages.dev";
  return null;
}
