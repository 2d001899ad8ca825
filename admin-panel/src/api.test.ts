import { afterEach, describe, expect, it, vi } from "vitest";
import { type ApiError, createApi } from "./api";

afterEach(() => vi.unstubAllGlobals());

describe("the dashboard's API client", () => {
  it("asks Maxis for messages in the language the reader chose here, not the browser's", async () => {
    const fetch = vi.fn(async () => Response.json({ people: [] }));
    vi.stubGlobal("fetch", fetch);
    let language: "en" | "fr" = "fr";
    const api = createApi(
      "https://maxis.test",
      () => {},
      () => language,
    );
    await api.people(["1"]);
    language = "en";
    await api.people(["2"]);
    const sent = fetch.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1].headers);
    expect(sent).toMatchObject([{ "Accept-Language": "fr" }, { "Accept-Language": "en" }]);
  });

  it("reports an unreachable or slow Maxis, and an error page without a message, by code only", async () => {
    const api = createApi("https://maxis.test", () => {});
    const failure = async () => api.stats().catch((error: unknown) => error as ApiError);

    vi.stubGlobal("fetch", async () => Promise.reject(new TypeError("Failed to fetch")));
    expect(await failure()).toMatchObject({ status: 0, code: "network", message: "" });

    vi.stubGlobal("fetch", async () => Promise.reject(new DOMException("signal timed out", "TimeoutError")));
    expect(await failure()).toMatchObject({ status: 0, code: "timeout", message: "" });

    vi.stubGlobal("fetch", async () => new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(await failure()).toMatchObject({ status: 502, code: "http_error", message: "" });
  });
});
