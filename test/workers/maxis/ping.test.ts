import { env, exports } from "cloudflare:workers";
import { InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import { LOCAL_MEMBER_ID, LOCAL_STAFF_ID, LOCAL_STAFF_ROLE_ID } from "../../../scripts/lib/local-identities";
import { maxisHandlers } from "../../../src/maxis/commands";
import { supabaseAs } from "../../../src/maxis/supabase/client";
import { sendInteraction } from "../support/discord";

const definitions = maxisHandlers.commands.map((command) => command.data);

describe("Maxis → Supabase, as the member who acted", () => {
  it("runs SQL with the JWT's sub, role and app_role visible inside Postgres", async () => {
    const supabase = await supabaseAs(env, {
      userId: LOCAL_STAFF_ID,
      appRole: "agent",
      guildId: "42",
      roleIds: [LOCAL_STAFF_ROLE_ID],
    });
    const { data, error } = await supabase.rpc("session_info");
    expect(error).toBeNull();
    expect(data).toMatchObject({
      sub: LOCAL_STAFF_ID,
      role: "authenticated",
      app_role: "agent",
      guild_id: "42",
    });
  });

  it("/ping reports the database round trip in the member's language", async () => {
    const interaction = commandInteraction(
      { userId: LOCAL_MEMBER_ID, roles: [LOCAL_STAFF_ROLE_ID], locale: "fr" },
      parseCommandLine("/ping", definitions),
    );
    const { response } = await sendInteraction(exports.default, interaction);
    expect(response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    if (response.type !== InteractionResponseType.ChannelMessageWithSource) return;
    expect(response.data.content).toMatch(
      /^Pong ! La base de données a répondu en \d+ ms \(connecté en tant que agent\)/,
    );
  });
});
