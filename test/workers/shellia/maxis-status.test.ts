import { InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { LOCAL_ADMIN_ID, LOCAL_MEMBER_ID } from "../../../scripts/lib/local-identities";
import { waitForDiscordRequests } from "../support/discord";
import { recentAudit, runMaxis, sendMaxis } from "./control-support";

describe("/maxis status", () => {
  it("defers, asks Maxis over the signed control API through the service binding, then edits the answer in", async () => {
    const run = await runMaxis("/maxis status target:maxis");
    expect(run.response).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(run.edit?.method).toBe("PATCH");
    expect(run.edit?.path).toMatch(/^\/webhooks\/\d+\/local-token-[^/]+\/messages\/@original$/);
    expect(run.edit?.body).toMatchObject({ allowed_mentions: { parse: [] } });
    const lines = run.content.split("\n");
    expect(lines[0]).toMatch(
      /^\*\*maxis\*\* is up · version \d+\.\d+\.\d+ · boot `[0-9a-f]{8}` since <t:\d+:R> · answered in \d+ ms$/,
    );
    expect(run.content).toMatch(/Maintenance (off|\*\*on\*\*)/);
    expect(run.content).toMatch(/Database reachable \(\d+ ms\)/);
    // Seeded data: four tickets, two not closed at least, one live promotion.
    expect(run.content).toMatch(/Open tickets: \d+ · running giveaways: \d+ · live promotions: \d+/);
  });

  it("without a target, summarises every bot, each with its own specific state", async () => {
    const run = await runMaxis("/maxis status");
    const blocks = run.content.split("\n\n");
    expect(blocks).toHaveLength(5);
    expect(blocks[0]).toMatch(/^\*\*maxis\*\* is up/);
    expect(blocks[1]).toMatch(/^\*\*maxis-b\*\* is up/);
    // Two bots, two boot ids: each Maxis keeps its own state.
    const boot = (block: string | undefined) => /boot `([0-9a-f]{8})`/.exec(block ?? "")?.[1];
    expect(boot(blocks[0])).not.toBe(boot(blocks[1]));
    expect(blocks[2]).toBe(
      "**maxis-stale-key** refused Shellia's signature (bad_signature). Check that its CONTROL_KEYS holds key id `primary` with the same secret as Shellia's MAXIS_TARGETS, and that both clocks are right. Nothing ran.",
    );
    expect(blocks[3]).toMatch(/^\*\*maxis-down\*\* is down or unreachable \(.+\)\. Nothing ran\.$/);
    expect(blocks[4]).toBe(
      "**maxis-slow** did not answer within 2 s: it is up but too slow. The action may or may not have run; check with `/maxis status`.",
    );
  });

  it("says why a Maxis is unreachable in the operator's language, never the runtime's English", async () => {
    const run = await runMaxis("/maxis status target:maxis-down", { locale: "fr" });
    expect(run.content).toBe(
      "**maxis-down** est hors ligne ou injoignable (pas de réponse par le réseau). Rien n'a été exécuté.",
    );
  });

  it("answers in French for a French operator", async () => {
    const run = await runMaxis("/maxis status target:maxis", { locale: "fr" });
    expect(run.content).toMatch(/^\*\*maxis\*\* est en ligne · version/);
    expect(run.content).toContain("Base de données joignable");
  });

  it("refuses a member who is not an operator, in French, and Maxis receives nothing", async () => {
    const before = new Date();
    const { interaction, response } = await sendMaxis(
      "/maxis execute operation:maintenance on target:maxis",
      { actor: { userId: LOCAL_MEMBER_ID, administrator: true, locale: "fr" } },
    );
    expect(response).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        content: "Seuls les opérateurs de Shellia peuvent lancer cette commande.",
        flags: MessageFlags.Ephemeral,
        allowed_mentions: { parse: [] },
      },
    });
    expect(await waitForDiscordRequests(interaction.token, 1, 300)).toEqual([]);
    // Maxis audits every control call, refused ones too: none came from this member.
    const calls = (await recentAudit()).filter(
      (row) => new Date(row.at) >= before && (row.operatorId === LOCAL_MEMBER_ID || row.operatorId === null),
    );
    expect(calls.filter((row) => row.operatorId === LOCAL_MEMBER_ID)).toEqual([]);
  });

  it("offers the configured Maxis bots as autocomplete choices, to operators only", async () => {
    const ask = (userId: string) =>
      sendMaxis("/maxis status target:-b", { actor: { userId }, focused: "target" });
    expect((await ask(LOCAL_ADMIN_ID)).response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: "maxis-b", value: "maxis-b" }] },
    });
    expect((await ask(LOCAL_MEMBER_ID)).response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  });

  it("names the known bots when the target does not exist", async () => {
    const { response } = await sendMaxis("/maxis restart target:nope");
    expect(response).toMatchObject({
      data: {
        content:
          "There is no Maxis bot named **nope**. Known bots: maxis, maxis-b, maxis-stale-key, maxis-down, maxis-slow.",
      },
    });
  });
});
