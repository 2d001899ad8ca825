import { describe, expect, it } from "vitest";
import { dashboardCsp, maxisOrigin } from "./dashboard-csp";

const directives = (policy: string) =>
  Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("the dashboard's Content-Security-Policy", () => {
  it("lets the page call only itself and Maxis's origin, whatever path MAXIS_URL has", () => {
    const policy = directives(dashboardCsp("https://maxis.example.com/some/path/"));
    expect(policy["connect-src"]).toEqual(["'self'", "https://maxis.example.com"]);
    expect(directives(dashboardCsp(""))["connect-src"]).toEqual(["'self'"]);
    expect(maxisOrigin("http://127.0.0.1:8787")).toBe("http://127.0.0.1:8787");
  });

  it("allows no inline script or style, no framing and no other origin's script", () => {
    const policy = directives(dashboardCsp("https://maxis.example.com"));
    expect(policy["default-src"]).toEqual(["'none'"]);
    expect(policy["script-src"]).toEqual(["'self'"]);
    expect(policy["style-src"]).toEqual(["'self'"]);
    expect(policy["img-src"]).toEqual(["'self'", "data:", "https://cdn.discordapp.com"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'none'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
  });

  it("adds the dev server's style nonce to style-src only", () => {
    const policy = directives(dashboardCsp("http://127.0.0.1:8787", { styleNonce: "abc123" }));
    expect(policy["style-src"]).toEqual(["'self'", "'nonce-abc123'"]);
    expect(policy["script-src"]).toEqual(["'self'"]);
  });

  it("refuses a MAXIS_URL that is not an http(s) address", () => {
    expect(() => dashboardCsp("maxis.example.com")).toThrow(/not a URL/);
    expect(() => dashboardCsp("javascript:alert(1)")).toThrow(/http\(s\)/);
  });
});
