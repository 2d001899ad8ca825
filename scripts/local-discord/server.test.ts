import { describe, expect, it } from "vitest";
import { createLocalDiscordApp } from "./server";

const post = (app: ReturnType<typeof createLocalDiscordApp>, path: string, body: unknown) =>
  app.request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });

describe("scripted failures", () => {
  it("hit only the requests whose body carries what they are scoped to", async () => {
    const app = createLocalDiscordApp();
    await post(app, "/__local/failures", {
      method: "POST",
      pathPattern: "^/users/@me/channels$",
      bodyIncludes: "1300000000000000999",
      status: 403,
      body: { message: "Cannot send messages to this user", code: 50007 },
      times: 1,
    });
    // Someone else's DM, sent first, is not the one scripted to fail.
    expect(
      (await post(app, "/api/v10/users/@me/channels", { recipient_id: "1300000000000000111" })).status,
    ).toBe(200);
    expect(
      (await post(app, "/api/v10/users/@me/channels", { recipient_id: "1300000000000000999" })).status,
    ).toBe(403);
    // Used up: the next one goes through.
    expect(
      (await post(app, "/api/v10/users/@me/channels", { recipient_id: "1300000000000000999" })).status,
    ).toBe(200);
  });
});
