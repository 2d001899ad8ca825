import { describe, expect, it } from "vitest";
import { LOCAL_GUILD_ID, LOCAL_STAFF_ID, LOCAL_STAFF_ROLE_ID } from "../lib/local-identities";
import { createLocalDiscordApp } from "./server";

const bot = { headers: { Authorization: "Bot local" } };

describe("the stand-in's member list", () => {
  it("pages the server's members by id, with the declared ones and their names, and searches them", async () => {
    const app = createLocalDiscordApp();
    const declared = "1399999999999999999";
    await app.request("/__local/members", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        guild_id: LOCAL_GUILD_ID,
        user_id: declared,
        roles: [LOCAL_STAFF_ROLE_ID],
        name: "Nina",
      }),
    });
    const all = (await (
      await app.request(`/api/v10/guilds/${LOCAL_GUILD_ID}/members?limit=1000`, bot)
    ).json()) as {
      user: { id: string; global_name: string | null };
      roles: string[];
    }[];
    const ids = all.map((m) => m.user.id);
    expect(ids).toEqual([...ids].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
    expect(all.find((m) => m.user.id === LOCAL_STAFF_ID)?.roles).toEqual([LOCAL_STAFF_ROLE_ID]);
    expect(all.find((m) => m.user.id === declared)?.user.global_name).toBe("Nina");

    const page = (await (
      await app.request(`/api/v10/guilds/${LOCAL_GUILD_ID}/members?limit=2&after=${ids[0]}`, bot)
    ).json()) as unknown[];
    expect(page).toEqual(all.slice(1, 3));

    const found = (await (
      await app.request(`/api/v10/guilds/${LOCAL_GUILD_ID}/members/search?query=nin&limit=10`, bot)
    ).json()) as { user: { id: string } }[];
    expect(found.map((m) => m.user.id)).toEqual([declared]);
    expect((await app.request(`/api/v10/guilds/${LOCAL_GUILD_ID}/members?limit=10`)).status).toBe(401);
  });
});
