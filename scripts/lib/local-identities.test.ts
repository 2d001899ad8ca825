import { describe, expect, it } from "vitest";
import { SEEDED_USERS } from "../local-discord/seeded-users";
import { createLocalDiscordApp } from "../local-discord/server";
import { buttonInteraction } from "./interaction-builder";
import { LOCAL_PEOPLE } from "./local-identities";

describe("the seeded people", () => {
  it("are named alike by `npm run interact` and the Discord stand-in", () => {
    expect(SEEDED_USERS.map((u) => u.globalName)).toEqual([
      "Alex Martin",
      "Sam Leroy",
      "Camille Dubois",
      "Jordan Lee",
    ]);
    for (const seeded of SEEDED_USERS) {
      const interaction = buttonInteraction({ userId: seeded.id }, "anything");
      expect(interaction.member?.user).toMatchObject({
        username: seeded.username,
        global_name: seeded.globalName,
      });
    }
    expect(Object.values(LOCAL_PEOPLE).map((p) => p.id)).toEqual(SEEDED_USERS.map((u) => u.id));
  });

  it("are named so in what they type in a channel (npm run interact -- say)", async () => {
    const app = createLocalDiscordApp();
    const post = (author: string) =>
      app.request("/__local/messages", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ channel_id: "1300000000000000020", author_id: author, content: "hi" }),
      });
    const seeded = (await (await post(LOCAL_PEOPLE.member.id)).json()) as { author: object };
    expect(seeded.author).toMatchObject({ username: "camille", global_name: "Camille Dubois" });
    const other = (await (await post("1300000000000009876")).json()) as { author: object };
    expect(other.author).toMatchObject({ username: "user-9876", global_name: null });
  });

  it("leaves anyone else a made-up name", () => {
    const interaction = buttonInteraction({ userId: "1300000000000009876" }, "anything");
    expect(interaction.member?.user).toMatchObject({ username: "user9876", global_name: null });
  });
});
