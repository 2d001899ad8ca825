/**
 * `/ask` end to end: Shellia understands the words, previews what will run, and only the asking
 * operator's one Confirm (within 5 minutes) runs it on the real Maxis through the signed control API;
 * /shop (Maxis) shows what actually changed.
 */
import { env, exports } from "cloudflare:workers";
import { ComponentType, InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { describe, expect, it, vi } from "vitest";
import {
  buttonInteraction,
  commandInteraction,
  parseCommandLine,
} from "../../../scripts/lib/interaction-builder";
import { LOCAL_ADMIN_ID, LOCAL_MEMBER_ID } from "../../../scripts/lib/local-identities";
import { sendInteraction, waitForDiscordRequests } from "../support/discord";
import { definitions } from "./control-support";

const OTHER_OPERATOR = "1300000000000000555";

interface Edit {
  content: string;
  components?: { components: { custom_id: string; label: string }[] }[];
}

/** Runs `/ask request:…` and returns the deferred edit (the answer). */
async function ask(request: string, actor: { userId?: string; locale?: string } = {}) {
  const interaction = commandInteraction(
    {
      userId: actor.userId ?? LOCAL_ADMIN_ID,
      administrator: true,
      ...(actor.locale ? { locale: actor.locale } : {}),
    },
    parseCommandLine(`/ask request:${request}`, definitions),
  );
  const { response } = await sendInteraction(exports.default, interaction);
  if (response.type !== InteractionResponseType.DeferredChannelMessageWithSource)
    return { response, edit: null };
  const [edit] = await waitForDiscordRequests(interaction.token, 1, 10_000);
  return { response, edit: (edit?.body ?? null) as Edit | null };
}

async function press(customId: string, userId: string, locale?: string) {
  const interaction = buttonInteraction(
    { userId, administrator: true, ...(locale ? { locale } : {}) },
    customId,
  );
  const { response } = await sendInteraction(exports.default, interaction);
  return { response, token: interaction.token };
}

/** Maxis's own /shop, as a member sees it. */
async function shop(): Promise<string> {
  const interaction = commandInteraction({ userId: LOCAL_MEMBER_ID }, { name: "shop", options: [] });
  const { response } = await sendInteraction(env.MAXIS, interaction);
  return JSON.stringify(response);
}

const buttons = (edit: Edit | null) => edit?.components?.[0]?.components.map((c) => c.custom_id) ?? [];

describe("/ask, in English", () => {
  it("previews a promotion, refuses another operator's press, runs on Confirm once, and /shop shows it", async () => {
    const log = vi.spyOn(console, "log");
    const { edit } = await ask("start a 29% promo on the premium plan for 2 days on maxis");
    expect(edit?.content).toContain("Understood by the built-in parser. This will run once you confirm:");
    expect(edit?.content).toContain("`/maxis promo percent:29 plan:premium duration:2d target:maxis`");
    const [confirm, cancel] = buttons(edit);
    expect(confirm).toMatch(/^ask:confirm:\d+$/);
    expect(cancel).toMatch(/^ask:cancel:\d+$/);
    expect(await shop()).not.toContain("−29 %");

    const stranger = await press(confirm ?? "", OTHER_OPERATOR);
    expect(stranger.response).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        content: "Only the operator who asked can confirm or cancel this proposal. Nothing ran.",
        flags: MessageFlags.Ephemeral,
      },
    });
    expect(await shop()).not.toContain("−29 %");

    const confirmed = await press(confirm ?? "", LOCAL_ADMIN_ID);
    expect(confirmed.response).toEqual({ type: InteractionResponseType.DeferredMessageUpdate });
    const [result] = await waitForDiscordRequests(confirmed.token, 1, 10_000);
    const body = result?.body as Edit;
    expect(body.content).toMatch(
      /^Confirmed by <@1300000000000000333>: `\/maxis promo percent:29 plan:premium duration:2d target:maxis`/,
    );
    expect(body.content).toMatch(
      /Promotion #\d+ started on \*\*maxis\*\*(?: in [^:*]+)?: \*\*Premium\*\* −29 %/,
    );
    expect(body.components).toEqual([]);
    expect(await shop()).toContain("−29 %");

    const again = await press(confirm ?? "", LOCAL_ADMIN_ID);
    expect(again.response).toMatchObject({
      data: {
        content: expect.stringContaining("already confirmed or cancelled, or it expired: nothing ran"),
      },
    });
    const late = await press(cancel ?? "", LOCAL_ADMIN_ID);
    expect(late.response).toMatchObject({ data: { content: expect.stringContaining("nothing ran") } });

    // The trail: every step of this /ask, one JSON line each, under the /ask's id.
    const askId = confirm?.split(":")[2];
    const steps = log.mock.calls
      .map(([line]) =>
        typeof line === "string" && line.startsWith('{"audit":"ask"') ? JSON.parse(line) : null,
      )
      .filter((entry) => entry?.askId === askId);
    log.mockRestore();
    expect(steps.map((s) => [s.step, s.operatorId])).toEqual([
      ["understood", LOCAL_ADMIN_ID],
      ["proposed", LOCAL_ADMIN_ID],
      ["press_refused", OTHER_OPERATOR],
      ["confirmed", LOCAL_ADMIN_ID],
      ["ran", LOCAL_ADMIN_ID],
      ["press_refused", LOCAL_ADMIN_ID],
      ["press_refused", LOCAL_ADMIN_ID],
    ]);
    expect(steps[1]).toMatchObject({
      request: "start a 29% promo on the premium plan for 2 days on maxis",
      engine: "parser",
      commands: ["/maxis promo percent:29 plan:premium duration:2d target:maxis"],
    });
    expect(steps[4]).toMatchObject({ outcomes: ["ok"] });
  });

  it("makes one promotion per plan named, previews both and runs both on Confirm", async () => {
    const { edit } = await ask("promo 17% on basic and pro for 2 days on maxis");
    expect(edit?.content).toContain("`/maxis promo percent:17 plan:basic duration:2d target:maxis`");
    expect(edit?.content).toContain("`/maxis promo percent:17 plan:pro duration:2d target:maxis`");
    const [confirm] = buttons(edit);
    const confirmed = await press(confirm ?? "", LOCAL_ADMIN_ID);
    const [result] = await waitForDiscordRequests(confirmed.token, 1, 10_000);
    // Maxis's own answers: one promotion started for each plan.
    const content = (result?.body as Edit | undefined)?.content ?? "";
    expect(content).toMatch(/Promotion #\d+ started on \*\*maxis\*\*[^\n]*\*\*Basic\*\*/);
    expect(content).toMatch(/Promotion #\d+ started on \*\*maxis\*\*[^\n]*\*\*Pro\*\*/);
  });

  it("runs read-only requests at once", async () => {
    const { edit } = await ask("status of maxis");
    expect(edit?.content).toMatch(
      /^Understood by the built-in parser: `\/maxis status target:maxis`\n\n\*\*maxis\*\*/,
    );
    expect(buttons(edit)).toEqual([]);
  });

  it("asks which plan, listing Maxis's plans, instead of guessing", async () => {
    const { edit } = await ask("start a 20% promo for 48h on maxis");
    expect(edit?.content).toMatch(
      /^Which plan\? Choose from: `Basic \(basic\)`, `Pro \(pro\)`, `Premium \(premium\)`/,
    );
    expect(edit?.content).toContain("Nothing ran");
    expect(buttons(edit)).toEqual([]);
  });

  it("refuses what /maxis cannot do, saying what it can", async () => {
    const { edit } = await ask("delete all tickets on maxis");
    expect(edit?.content).toMatch(/^I cannot do that: `\/ask` only runs what `\/maxis` can\./);
    const { edit: operation } = await ask("execute rm -rf / on maxis");
    expect(operation?.content).toMatch(
      /^That operation is not on the allow-list of `execute`: `sync-commands`/,
    );
  });

  it("refuses a non-operator before understanding anything", async () => {
    const { response } = await ask("restart maxis", { userId: LOCAL_MEMBER_ID });
    expect(response).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(JSON.stringify(response)).toContain("operator");
  });
});

describe("/ask, en français", () => {
  it("annule : rien ne change, et un second appui ne fait rien", async () => {
    const { edit } = await ask(
      "lance une promo de cinquante-neuf pour cent sur l'offre lifetime pendant 3 jours sur maxis",
      {
        locale: "fr",
      },
    );
    expect(edit?.content).toContain(
      "Compris par l'analyseur intégré. Ceci s'exécutera quand vous confirmerez :",
    );
    // The line a French operator could type: their Discord shows /maxis with French names.
    expect(edit?.content).toContain("`/maxis promo pourcentage:59 offre:lifetime durée:3d cible:maxis`");
    const [confirm, cancel] = buttons(edit);
    const cancelled = await press(cancel ?? "", LOCAL_ADMIN_ID, "fr");
    expect(cancelled.response).toEqual({
      type: InteractionResponseType.UpdateMessage,
      data: {
        content: "Annulé par <@1300000000000000333> : rien n'a été exécuté.",
        components: [],
        allowed_mentions: { parse: [] },
      },
    });
    const after = await press(confirm ?? "", LOCAL_ADMIN_ID, "fr");
    expect(after.response).toMatchObject({
      data: { content: expect.stringContaining("déjà été confirmée ou annulée, ou elle a expiré") },
    });
    expect(await shop()).not.toContain("−59 %");
  });

  it("prévisualise en français et garde le lot tel que tapé, jusque dans le concours lancé", async () => {
    const { edit } = await ask("lance un giveaway Nitro Classic (Été!) pendant 7j dans #general sur maxis", {
      locale: "fr",
    });
    expect(edit?.content).toMatch(
      /\n• \*\*concours\*\* sur \*\*maxis\*\* — lot : Nitro Classic \(Été!\), durée : 7 j \(fin <t:\d+:f>\), salon : <#1300000000000000020>\n/,
    );
    const [confirm] = buttons(edit);
    const confirmed = await press(confirm ?? "", LOCAL_ADMIN_ID, "fr");
    const [result] = await waitForDiscordRequests(confirmed.token, 1, 10_000);
    const content = (result?.body as Edit | undefined)?.content;
    // The line the operator confirmed, in the words of the preview.
    expect(content).toMatch(
      /^Confirmé par <@1300000000000000333> : `\/maxis concours lot:Nitro Classic \(Été!\) durée:7d salon:1300000000000000020 cible:maxis`/,
    );
    expect(content).toContain("**Nitro Classic (Été!)**");
    const { edit: english } = await ask(
      "start a giveaway for Nitro Classic (Été!) for 7 days in #general on maxis",
    );
    expect(english?.content).toMatch(
      /\n• \*\*giveaway\*\* on \*\*maxis\*\* — prize: Nitro Classic \(Été!\), duration: 7 d \(ends <t:\d+:f>\), channel: <#1300000000000000020>\n/,
    );
  });

  it("montre en français la commande d'une lecture exécutée tout de suite", async () => {
    const { edit } = await ask("statistiques de la semaine sur maxis", { locale: "fr" });
    expect(edit?.content).toMatch(
      /^Compris par l'analyseur intégré : `\/maxis statistiques période:1w cible:maxis`\n\n/,
    );
  });

  it("demande quelle cible quand plusieurs bots pourraient être visés", async () => {
    const { edit } = await ask("redémarre", { locale: "fr" });
    expect(edit?.content).toMatch(/^Quel bot Maxis \? Au choix : `maxis`, `maxis-b`/);
  });

  it("refuse un non-opérateur", async () => {
    const { response } = await ask("mets maxis en maintenance", { userId: LOCAL_MEMBER_ID, locale: "fr" });
    expect(response).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    expect(JSON.stringify(response)).toMatch(/opérateur/);
  });
});

describe("/ask definition", () => {
  it("is an administrators' command with one required request", () => {
    const data = definitions.find((d) => d.name === "ask");
    expect(data?.default_member_permissions).toBe("8");
    expect(data?.options?.[0]).toMatchObject({ name: "request", required: true, type: 3 });
    expect(ComponentType.Button).toBe(2);
  });
});
