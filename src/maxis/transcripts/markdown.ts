/**
 * Discord's Markdown as HTML, for transcript pages. Safe by construction: the text is HTML-escaped
 * first and every rule then works on escaped text, so nothing a member typed can become a tag or an
 * attribute; links are made only from http(s) URLs, re-escaped for their attribute. Pure.
 *
 * What Discord renders and this renders too: code blocks and inline code (nothing inside them is
 * formatted), `>` and `>>>` quotes, `#`/`##`/`###` headings, `-#` subtext, `-`/`*` lists, bold,
 * italics, underline, strikethrough, spoilers, masked links, bare links, backslash escapes, user,
 * role and channel mentions (as names), timestamps (`<t:…>`) and custom emoji (as `:name:`).
 */

export interface MarkdownContext {
  /** A user's display name, or null when unknown (shown as `@unknown`). */
  userName(id: string): string | null;
  /** A Discord timestamp (`<t:unix:style>`) as text for the reader. */
  time(unixSeconds: number): string;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Private-use characters mark where an already-rendered piece goes back in; stripped from input. */
const OPEN = "\uE000";
const CLOSE = "\uE001";
const SLOT = /\uE000(\d+)\uE001/g;

/** An http(s) URL as an escaped attribute value, or null for anything else (javascript:, data:…). */
function safeHref(escapedUrl: string): string | null {
  const raw = escapedUrl
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:" ? escapeHtml(url.href) : null;
  } catch {
    return null;
  }
}

const anchor = (href: string, label: string) =>
  `<a href="${href}" rel="noopener noreferrer nofollow" target="_blank">${label}</a>`;

/** Inline rules over one escaped line (no line breaks inside). */
function inline(escaped: string, ctx: MarkdownContext, slots: string[]): string {
  const keep = (html: string) => `${OPEN}${slots.push(html) - 1}${CLOSE}`;
  let text = escaped
    // Backslash escapes: the next markup character is literal.
    .replace(/\\([*_~|`\\[\]()#>-])/g, (_, c: string) => keep(c))
    // Inline code: nothing inside is formatted.
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, _ticks: string, code: string) =>
      keep(`<code>${code.trim() || code}</code>`),
    )
    // Masked links [label](https://…), then bare links; a URL's own _ or * is never formatting.
    .replace(/\[([^\]]{1,200})\]\((https?:\/\/[^\s)]{1,2000})\)/g, (whole, label: string, url: string) => {
      const href = safeHref(url);
      return href ? keep(anchor(href, label)) : whole;
    })
    .replace(/https?:\/\/[^\s<]{1,2000}[^\s<.,:;"')\]]/g, (url: string) => {
      const href = safeHref(url);
      return href ? keep(anchor(href, url)) : url;
    })
    // Mentions, timestamps and custom emoji, as Discord shows them (escaped forms of < and >).
    .replace(/&lt;@!?(\d{1,20})&gt;/g, (_, id: string) =>
      keep(`<span class="mention">@${escapeHtml(ctx.userName(id) ?? "unknown")}</span>`),
    )
    .replace(/&lt;@&amp;(\d{1,20})&gt;/g, () => keep('<span class="mention">@role</span>'))
    .replace(/&lt;#(\d{1,20})&gt;/g, () => keep('<span class="mention">#channel</span>'))
    .replace(/&lt;t:(-?\d{1,13})(?::[tTdDfFR])?&gt;/g, (_, seconds: string) =>
      keep(`<time>${escapeHtml(ctx.time(Number(seconds)))}</time>`),
    )
    .replace(/&lt;a?:(\w{2,32}):\d{1,20}&gt;/g, (_, name: string) => `:${name}:`);
  text = text
    .replace(/\*\*\*(?=\S)([\s\S]*?\S)\*\*\*/g, "<strong><em>$1</em></strong>")
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>")
    .replace(/__(?=\S)([\s\S]*?\S)__/g, "<u>$1</u>")
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, "$1<em>$2</em>")
    .replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, "$1<em>$2</em>")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "<s>$1</s>")
    .replace(/\|\|(?=\S)([\s\S]*?\S)\|\|/g, '<span class="spoiler">$1</span>');
  return text;
}

/** Lines of prose (no code blocks) as block HTML: quotes, headings, subtext, lists, paragraphs. */
function blocks(escapedLines: string[], ctx: MarkdownContext, slots: string[]): string {
  const out: string[] = [];
  let list: string[] | null = null;
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length) out.push(`<p>${paragraph.join("<br>")}</p>`);
    paragraph = [];
  };
  const flushList = () => {
    if (list) out.push(`<ul>${list.map((item) => `<li>${item}</li>`).join("")}</ul>`);
    list = null;
  };
  for (let i = 0; i < escapedLines.length; i++) {
    const line = escapedLines[i] as string;
    const quoteRest = /^&gt;&gt;&gt; ([\s\S]*)$/.exec(line);
    if (quoteRest) {
      flushParagraph();
      flushList();
      const rest = [quoteRest[1] ?? "", ...escapedLines.slice(i + 1)];
      out.push(`<blockquote>${blocks(rest, ctx, slots)}</blockquote>`);
      break;
    }
    const quote = /^&gt;(?: (.*))?$/.exec(line);
    if (quote) {
      flushParagraph();
      flushList();
      const quoted = [quote[1] ?? ""];
      while (i + 1 < escapedLines.length && /^&gt;(?: |$)/.test(escapedLines[i + 1] as string)) {
        i += 1;
        quoted.push((escapedLines[i] as string).replace(/^&gt; ?/, ""));
      }
      out.push(`<blockquote>${quoted.map((q) => inline(q, ctx, slots)).join("<br>")}</blockquote>`);
      continue;
    }
    const heading = /^(#{1,3}) (.+)$/.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      const level = (heading[1] as string).length + 2;
      out.push(`<h${level}>${inline(heading[2] as string, ctx, slots)}</h${level}>`);
      continue;
    }
    const subtext = /^-# (.+)$/.exec(line);
    if (subtext) {
      flushParagraph();
      flushList();
      out.push(`<p class="subtext">${inline(subtext[1] as string, ctx, slots)}</p>`);
      continue;
    }
    const item = /^\s*[-*] (.+)$/.exec(line);
    if (item) {
      flushParagraph();
      list ??= [];
      list.push(inline(item[1] as string, ctx, slots));
      continue;
    }
    flushList();
    paragraph.push(inline(line, ctx, slots));
  }
  flushParagraph();
  flushList();
  return out.join("");
}

/** A message's text as HTML (a fragment of block elements). */
export function discordMarkdownToHtml(source: string, ctx: MarkdownContext): string {
  const slots: string[] = [];
  const parts: string[] = [];
  const text = source.replace(/[\uE000\uE001]/g, "").replace(/\r\n?/g, "\n");
  const fence = /```(?:([A-Za-z0-9+#.-]{1,20})\n)?([\s\S]*?)```/g;
  let at = 0;
  for (let match = fence.exec(text); match; match = fence.exec(text)) {
    const before = text.slice(at, match.index);
    if (before.trim()) parts.push(blocks(escapeHtml(before.replace(/^\n|\n$/g, "")).split("\n"), ctx, slots));
    parts.push(`<pre><code>${escapeHtml((match[2] ?? "").replace(/^\n/, ""))}</code></pre>`);
    at = match.index + match[0].length;
  }
  const rest = text.slice(at);
  if (rest.trim()) parts.push(blocks(escapeHtml(rest.replace(/^\n|\n$/g, "")).split("\n"), ctx, slots));
  // A slot may hold slots (an escape inside inline code inside a link's label): fill until none is left.
  let html = parts.join("");
  for (let depth = 0; depth < 8 && html.includes(OPEN); depth++) {
    html = html.replace(SLOT, (_, n: string) => slots[Number(n)] ?? "");
  }
  return html;
}
