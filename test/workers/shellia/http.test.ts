/** Shellia's HTTP surface besides /interactions: health, and a JSON 404 in the caller's language. */
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("Shellia over HTTP", () => {
  it("reports its health", async () => {
    const response = await exports.default.fetch("https://shellia.test/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ worker: "shellia" });
  });

  it("answers an unknown path with a JSON 404 in English or French", async () => {
    const english = await exports.default.fetch("https://shellia.test/admin");
    expect(english.status).toBe(404);
    expect(await english.json()).toEqual({ error: { code: "not_found", message: "No such endpoint." } });
    const french = await exports.default.fetch("https://shellia.test/admin", {
      headers: { "Accept-Language": "fr-FR,fr;q=0.9" },
    });
    expect(await french.json()).toEqual({
      error: { code: "not_found", message: "Cette adresse n'existe pas." },
    });
  });
});
