import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addPagesHeader, pagesHeadersFor, parsePagesHeaders } from "./pages-headers";

const site = (path: string, host = "support.example.com") => new URL(`https://${host}${path}`);
const headers = (text: string, url: URL) => Object.fromEntries(pagesHeadersFor(parsePagesHeaders(text), url));

// Cloudflare's own example (developers.cloudflare.com/pages/configuration/headers/) and its table.
const cloudflareExample = `# This is a comment
/secure/page
  X-Frame-Options: DENY
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer

/static/*
  Access-Control-Allow-Origin: *
  X-Robots-Tag: nosnippet

https://myproject.pages.dev/*
  X-Robots-Tag: noindex
`;

describe("Pages _headers", () => {
  it("applies every matching rule, joining a header set twice, as Cloudflare's example shows", () => {
    expect(headers(cloudflareExample, site("/secure/page", "custom.domain"))).toEqual({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    expect(headers(cloudflareExample, site("/home", "myproject.pages.dev"))).toEqual({
      "X-Robots-Tag": "noindex",
    });
    expect(headers(cloudflareExample, site("/static/styles.css", "myproject.pages.dev"))).toEqual({
      "Access-Control-Allow-Origin": "*",
      "X-Robots-Tag": "nosnippet, noindex",
    });
    expect(headers(cloudflareExample, site("/secure/page/more", "custom.domain"))).toEqual({});
  });

  it("detaches a header with !, and fills in placeholders and the splat", () => {
    const text = `/*
  Content-Security-Policy: default-src 'self';
/*.jpg
  ! Content-Security-Policy
/movies/:title
  x-movie-name: You are watching ":title"
/files/*
  x-file: :splat
`;
    expect(headers(text, site("/a/b.jpg"))).toEqual({});
    expect(headers(text, site("/movies/up"))["x-movie-name"]).toBe('You are watching "up"');
    expect(headers(text, site("/movies/up/extra"))["x-movie-name"]).toBeUndefined();
    expect(headers(text, site("/files/a/b.txt"))["x-file"]).toBe("a/b.txt");
  });

  it("refuses a header line before any pattern and a line that is not a header", () => {
    expect(() => parsePagesHeaders("  X-A: 1\n")).toThrow(/line 1: a header before any URL pattern/);
    expect(() => parsePagesHeaders("/*\n  nonsense\n")).toThrow(/line 2: expected "Name: value"/);
  });

  it("adds a header to an existing block, or a new block, and never a second copy", () => {
    const text = "/*\n  X-A: 1\n/assets/*\n  Cache-Control: immutable\n";
    const added = addPagesHeader(text, "/*", "X-B", "2");
    expect(added).toBe("/*\n  X-A: 1\n  X-B: 2\n/assets/*\n  Cache-Control: immutable\n");
    expect(headers(added, site("/index.html"))).toEqual({ "X-A": "1", "X-B": "2" });
    expect(addPagesHeader(text, "/api/*", "X-C", "3")).toBe(`${text}/api/*\n  X-C: 3\n`);
    expect(() => addPagesHeader(added, "/*", "x-b", "3")).toThrow(/already sets x-b/);
    expect(() => addPagesHeader(text, "/*", "X-Long", "a".repeat(2000))).toThrow(/2,000 characters/);
  });

  it("reads the dashboard's public/_headers: security headers everywhere, caching by path", () => {
    const text = readFileSync("admin-panel/public/_headers", "utf8");
    const index = headers(text, site("/"));
    expect(index["X-Content-Type-Options"]).toBe("nosniff");
    expect(index["Cache-Control"]).toBeUndefined();
    expect(headers(text, site("/assets/index-abc.js"))["Cache-Control"]).toContain("immutable");
    expect(headers(text, site("/config.json"))["Cache-Control"]).toBe("no-cache");
  });
});
