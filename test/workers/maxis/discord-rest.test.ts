import { beforeEach, describe, expect, inject, it } from "vitest";
import { DiscordApiError, DiscordRest, routeKey } from "../../../src/shared/discord/rest";

const local = inject("discordLocalUrl");
const requestsTo = async (path: string) =>
  ((await (await fetch(`${local}/__local/requests`)).json()) as { path: string; method: string }[]).filter(
    (r) => r.path === path,
  );
const scriptFailure = (failure: object) =>
  fetch(`${local}/__local/failures`, { method: "POST", body: JSON.stringify(failure) });

describe("DiscordRest against Discord's HTTP API", () => {
  const waits: number[] = [];
  const rest = new DiscordRest({
    baseUrl: `${local}/api/v10`,
    botToken: "test-token",
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  const channel = `/channels/${Date.now()}${Math.floor(Math.random() * 1000)}/messages`;

  beforeEach(() => {
    waits.length = 0;
  });

  it("waits retry_after on a 429 and then succeeds", async () => {
    await scriptFailure({
      method: "POST",
      pathPattern: `^${channel}$`,
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 1.5, global: false },
      times: 1,
    });
    const message = await rest.request<{ content: string }>("POST", channel, { body: { content: "hi" } });
    expect(message.content).toBe("hi");
    expect(waits).toEqual([1500]);
    expect(await requestsTo(channel)).toHaveLength(2);
  });

  it("never retries a request Discord calls invalid", async () => {
    const path = `${channel}/1`;
    await scriptFailure({
      method: "PATCH",
      pathPattern: `^${path}$`,
      status: 400,
      body: { code: 50035 },
      times: 5,
    });
    await expect(rest.request("PATCH", path, { body: { content: "" } })).rejects.toMatchObject({
      status: 400,
      body: { code: 50035 },
    });
    expect(await requestsTo(path)).toHaveLength(1);
  });

  it("retries an idempotent call after a 5xx but not a POST", async () => {
    const path = `${channel}/2`;
    await scriptFailure({ method: "PATCH", pathPattern: `^${path}$`, status: 502, body: {}, times: 1 });
    await rest.request("PATCH", path, { body: { content: "edited" } });
    expect(await requestsTo(path)).toHaveLength(2);

    const postPath = `${channel.replace("messages", "typing")}`;
    await scriptFailure({ method: "POST", pathPattern: `^${postPath}$`, status: 502, body: {}, times: 1 });
    await expect(rest.request("POST", postPath)).rejects.toBeInstanceOf(DiscordApiError);
    expect(await requestsTo(postPath)).toHaveLength(1);
  });

  it("gives up rather than block when Discord asks for a long wait", async () => {
    const path = `${channel}/3`;
    await scriptFailure({
      method: "PATCH",
      pathPattern: `^${path}$`,
      status: 429,
      body: { retry_after: 60 },
      times: 1,
    });
    await expect(rest.request("PATCH", path, { body: {} })).rejects.toMatchObject({ status: 429 });
    expect(waits).toEqual([]);
  });

  it("waits for an exhausted bucket before the next call on that route", async () => {
    const path = `${channel}/4`;
    await scriptFailure({
      method: "PATCH",
      pathPattern: `^${path}$`,
      status: 200,
      body: { id: "1" },
      headers: { "X-RateLimit-Bucket": "abc", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After": "2" },
      times: 1,
    });
    await rest.request("PATCH", path, { body: {} });
    await rest.request("PATCH", path, { body: {} });
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(1500);
    expect(waits[0]).toBeLessThanOrEqual(2000);
  });

  it("keys rate limits by route with the channel, guild or webhook kept", () => {
    expect(routeKey("PATCH", "/channels/123456789/messages/987654321")).toBe(
      "PATCH /channels/123456789/messages/:id",
    );
    expect(routeKey("GET", "/guilds/123456789/members/555555555")).toBe("GET /guilds/123456789/members/:id");
  });
});
