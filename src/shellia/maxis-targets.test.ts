import { describe, expect, it } from "vitest";
import { parseMaxisTargets } from "./maxis-targets";

const fetcher = { fetch: async () => new Response("ok") };
const binding = (name: string) => (name === "MAXIS" ? fetcher : undefined);
const secret = "s".repeat(32);

describe("parseMaxisTargets", () => {
  it("reads binding and URL targets, each with its own key", () => {
    const { targets, problems } = parseMaxisTargets(
      JSON.stringify([
        { name: "maxis", binding: "MAXIS", keyId: "k1", secret },
        { name: "maxis-eu", url: "https://maxis-eu.example.workers.dev/ignored/path", keyId: "eu-1", secret },
      ]),
      binding,
    );
    expect(problems).toEqual([]);
    expect(targets.map((t) => [t.name, t.key.keyId, t.origin])).toEqual([
      ["maxis", "k1", "https://maxis.internal"],
      ["maxis-eu", "eu-1", "https://maxis-eu.example.workers.dev"],
    ]);
  });

  it.each([
    [{ name: "Bad Name", binding: "MAXIS", keyId: "k", secret }, "name must match"],
    [{ name: "m", binding: "NOPE", keyId: "k", secret }, "no service binding named NOPE"],
    [{ name: "m", binding: "MAXIS", keyId: "k", secret: "short" }, "secret must be at least 16"],
    [{ name: "m", binding: "MAXIS", keyId: "k y", secret }, "keyId is not valid"],
    [
      { name: "m", url: "http://maxis.example.com", keyId: "k", secret },
      'needs a "binding" or an https "url"',
    ],
    [{ name: "m", keyId: "k", secret }, 'needs a "binding" or an https "url"'],
  ])("skips %j and says why", (entry, problem) => {
    const { targets, problems } = parseMaxisTargets(JSON.stringify([entry]), binding);
    expect(targets).toEqual([]);
    expect(problems[0]).toContain(problem);
  });

  it("allows plain HTTP only to this machine", () => {
    const { targets } = parseMaxisTargets(
      JSON.stringify([{ name: "local", url: "http://127.0.0.1:8788", keyId: "k", secret }]),
      binding,
    );
    expect(targets[0]?.origin).toBe("http://127.0.0.1:8788");
  });

  it("refuses a name listed twice and broken JSON", () => {
    const twice = { name: "maxis", binding: "MAXIS", keyId: "k", secret };
    expect(parseMaxisTargets(JSON.stringify([twice, twice]), binding).problems).toEqual([
      "MAXIS_TARGETS[1]: maxis is listed twice",
    ]);
    expect(parseMaxisTargets("{", binding)).toEqual({
      targets: [],
      problems: ["MAXIS_TARGETS is not valid JSON"],
    });
    expect(parseMaxisTargets(undefined, binding)).toEqual({ targets: [], problems: [] });
  });
});
