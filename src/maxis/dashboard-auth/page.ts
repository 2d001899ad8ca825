import type { Translator } from "../../shared/i18n";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

export interface AuthPage {
  lang: "en" | "fr";
  heading: string;
  body: string;
  /** Buttons: [label, href]. */
  links: [string, string][];
}

/**
 * The small pages the sign-in shows when it cannot send someone on to the dashboard (not staff,
 * expired link, Discord down). Self-contained HTML: no script, inline style only.
 */
export function renderAuthPage(t: Translator, page: AuthPage): string {
  const links = page.links
    .map(
      ([label, href], i) =>
        `<a class="${i === 0 ? "primary" : ""}" href="${escapeHtml(href)}">${escapeHtml(label)}</a>`,
    )
    .join("");
  return `<!doctype html>
<html lang="${page.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.heading)} · ${escapeHtml(t("dashboardAuth.title"))}</title>
<style>
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f4f5fb;color:#1d2033;font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;padding:1rem;box-sizing:border-box}
main{max-width:30rem;background:#fff;border-radius:16px;padding:2rem;box-shadow:0 10px 30px #1d20330f,0 1px 3px #1d20331a}
.mark{display:inline-grid;place-items:center;width:44px;height:44px;border-radius:12px;background:linear-gradient(135deg,#5865f2,#8b5cf6);color:#fff;font-weight:800;font-size:1.3rem}
h1{font-size:1.35rem;margin:1rem 0 .5rem}p{color:#4a4f66;margin:0 0 1.5rem}
a{display:inline-block;margin:0 .5rem .5rem 0;padding:.6rem 1rem;border-radius:10px;border:1px solid #d9dcea;color:#1d2033;text-decoration:none;font-weight:600}
a.primary{background:#5865f2;border-color:#5865f2;color:#fff}a:focus-visible{outline:3px solid #8b5cf6;outline-offset:2px}
</style></head>
<body><main><span class="mark" aria-hidden="true">M</span><h1>${escapeHtml(page.heading)}</h1><p>${escapeHtml(page.body)}</p>
<nav>${links}</nav></main></body></html>`;
}
