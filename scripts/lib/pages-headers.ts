/**
 * Cloudflare Pages' `_headers` file (https://developers.cloudflare.com/pages/configuration/headers/):
 * blocks of a URL pattern followed by indented `Name: value` lines, `! Name` to detach a header set
 * by a broader rule, `#` comments. Read here so the local servers send what Pages would, and edited
 * at build time to add headers only known then.
 */

export interface HeaderRule {
  /** The pattern as written: a path (`/assets/*`, `/movies/:title`) or an https URL with a host. */
  pattern: string;
  set: [name: string, value: string][];
  detach: string[];
}

export function parsePagesHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trimEnd();
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line, set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    const entry = line.trim();
    if (!rule) throw new Error(`_headers line ${index + 1}: a header before any URL pattern`);
    if (entry.startsWith("!")) {
      rule.detach.push(entry.slice(1).trim());
      continue;
    }
    const colon = entry.indexOf(":");
    if (colon < 1) throw new Error(`_headers line ${index + 1}: expected "Name: value", got "${entry}"`);
    rule.set.push([entry.slice(0, colon).trim(), entry.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * Pages ignores scheme and port; a splat matches anything, a placeholder anything up to the next
 * "/" (or "." in the host).
 */
function patternRegExp(pattern: string): RegExp {
  const target = pattern.replace(/^https:\/\//, "");
  const hostEnd = pattern.startsWith("https://") ? target.indexOf("/") : 0;
  let offset = 0;
  const source = target
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => {
      const inHost = offset < hostEnd;
      offset += part.length;
      if (part === "*") return "(?<splat>.*)";
      if (/^:[A-Za-z]\w*$/.test(part)) return `(?<${part.slice(1)}>${inHost ? "[^./]+" : "[^/]+"})`;
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}$`);
}

/**
 * The headers Pages adds to a response for `url`: every matching rule in file order, a header set
 * twice joined with ", ", a detached one removed, `:splat` and placeholders filled in.
 */
export function pagesHeadersFor(rules: readonly HeaderRule[], url: URL): Map<string, string> {
  const headers = new Map<string, { name: string; value: string }>();
  for (const rule of rules) {
    const subject = rule.pattern.startsWith("https://") ? `${url.hostname}${url.pathname}` : url.pathname;
    const match = patternRegExp(rule.pattern).exec(subject);
    if (!match) continue;
    const fill = (value: string) =>
      value.replace(/:([A-Za-z]\w*)/g, (text, name: string) => match.groups?.[name] ?? text);
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      const previous = headers.get(key);
      const filled = fill(value);
      headers.set(key, { name, value: previous ? `${previous.value}, ${filled}` : filled });
    }
    for (const name of rule.detach) headers.delete(name.toLowerCase());
  }
  return new Map([...headers.values()].map(({ name, value }) => [name, value]));
}

/**
 * `text` with `Name: value` added to the block for `pattern` (a new block at the end if there is
 * none). Fails if a rule already sets that header, which would send two of them.
 */
export function addPagesHeader(text: string, pattern: string, name: string, value: string): string {
  if (parsePagesHeaders(text).some((rule) => rule.set.some(([n]) => n.toLowerCase() === name.toLowerCase())))
    throw new Error(`_headers already sets ${name}; it is generated at build time`);
  const line = `  ${name}: ${value}`;
  if (line.length > 2000) throw new Error(`_headers: the ${name} line is over Pages' 2,000 characters`);
  const lines = text.replace(/\s+$/, "").split(/\r?\n/);
  const start = lines.findIndex((l) => l.trimEnd() === pattern);
  if (start === -1) return `${lines.join("\n")}\n${pattern}\n${line}\n`;
  let end = start + 1;
  while (end < lines.length && /^\s+\S/.test(lines[end] ?? "")) end++;
  lines.splice(end, 0, line);
  return `${lines.join("\n")}\n`;
}
