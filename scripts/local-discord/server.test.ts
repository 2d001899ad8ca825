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

describe("held requests", () => {
  it("wait for their own release only, one request per hold", async () => {
    const app = createLocalDiscordApp();
    const hold = async (bodyIncludes: string) =>
      (
        (await (
          await post(app, "/__local/holds", {
            method: "POST",
            pathPattern: "^/users/@me/channels$",
            bodyIncludes,
          })
        ).json()) as { id: string }
      ).id;
    const mine = await hold("1300000000000000111");
    const theirs = await hold("1300000000000000222");
    const waiting = async (id: string) =>
      ((await (await app.request(`/__local/holds/${id}`)).json()) as { waiting: boolean }).waiting;

    let answered = false;
    const held = (async () => {
      const response = await post(app, "/api/v10/users/@me/channels", {
        recipient_id: "1300000000000000111",
      });
      answered = true;
      return response;
    })();
    // Someone else's request is not caught by this hold.
    expect(
      (await post(app, "/api/v10/users/@me/channels", { recipient_id: "1300000000000000333" })).status,
    ).toBe(200);
    expect(await waiting(mine)).toBe(true);
    expect(await waiting(theirs)).toBe(false);
    expect(answered).toBe(false);

    expect((await post(app, `/__local/holds/${theirs}/release`, {})).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    expect((await post(app, `/__local/holds/${mine}/release`, {})).status).toBe(204);
    expect((await held).status).toBe(200);
    // Used up: the next matching request goes straight through; an unknown hold is a 404.
    expect(
      (await post(app, "/api/v10/users/@me/channels", { recipient_id: "1300000000000000111" })).status,
    ).toBe(200);
    expect((await app.request(`/__local/holds/${mine}`)).status).toBe(404);
    expect((await post(app, "/__local/holds", { method: "POST" })).status).toBe(400);
  });
});

describe("what Maxis's permission checks read", () => {
  const bot = { headers: { Authorization: "Bot local" } };
  const guild = "1300000000000000777";
  const channel = "1300000000000000778";

  it("every server has @everyone and Maxis's role, and Maxis holds it", async () => {
    const app = createLocalDiscordApp();
    const roles = (await (await app.request(`/api/v10/guilds/${guild}/roles`, bot)).json()) as {
      id: string;
    }[];
    expect(roles.map((r) => r.id)).toEqual(expect.arrayContaining([guild, "1300000000000000002"]));
    const me = (await (
      await app.request(`/api/v10/guilds/${guild}/members/1300000000000000001`, bot)
    ).json()) as {
      roles: string[];
    };
    expect(me.roles).toEqual(["1300000000000000002"]);
    expect(await (await app.request(`/api/v10/guilds/${guild}`, bot)).json()).toMatchObject({
      owner_id: "1300000000000000999",
    });
  });

  it("a channel's overwrites and a server's roles can be set", async () => {
    const app = createLocalDiscordApp();
    await post(app, "/__local/channels", { id: channel, guild_id: guild });
    const overwrites = [{ id: "1300000000000000002", type: 0, allow: "0", deny: "2048" }];
    expect((await post(app, "/__local/permissions", { channel_id: channel, overwrites })).status).toBe(204);
    expect(await (await app.request(`/api/v10/channels/${channel}`, bot)).json()).toMatchObject({
      guild_id: guild,
      permission_overwrites: overwrites,
    });
    const roles = [{ id: guild, name: "@everyone", permissions: "0", position: 0 }];
    expect((await post(app, "/__local/permissions", { guild_id: guild, roles, bot_roles: [] })).status).toBe(
      204,
    );
    expect(await (await app.request(`/api/v10/guilds/${guild}/roles`, bot)).json()).toEqual(roles);
    expect((await post(app, "/__local/permissions", { guild_id: "nope" })).status).toBe(400);
  });
});
