/**
 * `/maxis giveaway` posts in the server's language of posts (/setup), not the operator's: the message
 * is for the server's members. A French server once got an English message from an English operator.
 * What is said to the operator follows the operator's language.
 */
import { describe, expect, inject, it } from "vitest";
import { LOCAL_CHANNEL_ID } from "../../../scripts/lib/local-identities";
import { rpcAs } from "../../support/postgrest";
import { snowflake } from "../../support/snowflake";
import { addLocalChannel } from "../support/discord";
import { bindingOf, discordRequests, runMaxis, signedCall, targetEntry } from "./control-support";

describe("/maxis giveaway: the language of the public message", () => {
  it("follows the server's language of posts, not the operator's", async () => {
    const server = snowflake();
    const channel = snowflake();
    const ensured = await rpcAs(
      inject("supabase"),
      { sub: "maxis:settings", role: "service_role" },
      "server_settings_ensure",
      { p_guild_id: server, p_defaults: { defaultLocale: "fr" } },
    );
    expect(ensured.status).toBe(200);
    await addLocalChannel(channel, server);

    const { status } = await signedCall(bindingOf("maxis"), targetEntry("maxis"), "giveaway", {
      locale: "en",
      prize: "Nitro",
      duration: "1h",
      channelId: channel,
    });
    expect(status).toBe(200);
    const [posted] = await discordRequests(
      (r) => r.method === "POST" && r.path === `/channels/${channel}/messages`,
    );
    expect(JSON.stringify(posted?.body)).toContain("Cliquez sur **Participer**");
  });

  it("says a duration it cannot read is unreadable, not out of range, in the operator's language", async () => {
    const run = await runMaxis(
      `/maxis giveaway prize:Nope duration:abc channel:${LOCAL_CHANNEL_ID} target:maxis`,
      { locale: "fr" },
    );
    expect(run.content).toBe("**maxis** : Je ne comprends pas cette durée. Écrivez-la comme 30m, 48h ou 7d.");
  });
});
