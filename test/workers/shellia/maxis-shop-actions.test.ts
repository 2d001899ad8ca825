/**
 * The /maxis actions on a server's shop and its numbers (analytics, promotions and their plan
 * suggestions), run in Shellia and carried out by Maxis through the real service binding with the
 * signed control API; each asserts what the operator sees and what Maxis really did.
 */
import { InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import { LOCAL_ADMIN_ID, LOCAL_GUILD_ID, LOCAL_MEMBER_ID } from "../../../scripts/lib/local-identities";
import { OTHER_GUILD_ID, runMaxis, sendMaxis, suggestions, waitForAudit } from "./control-support";

describe("/maxis analytics", () => {
  it("reports tickets, giveaways and promotions over the period", async () => {
    const run = await runMaxis("/maxis analytics period:30d target:maxis");
    const lines = run.content.split("\n");
    expect(lines[0]).toMatch(/^\*\*maxis\*\* over 30 d \(since <t:\d+:f>\)$/);
    expect(lines[1]).toMatch(/^Tickets: \d+ opened, \d+ closed, \d+ open now$/);
    expect(lines[2]).toMatch(/^Giveaways: \d+ started, \d+ ended, \d+ running, \d+ entrants?$/);
    expect(lines[3]).toMatch(/^Promotions: \d+ started on \d+ plans?, average (\d+ %|—), \d+ live now$/);
    expect(lines[4]).toMatch(
      /^Revenue of Local server: \S+ from \d+ payments?, \S+ refunded, \d+ failed, \d+ disputed, \d+ active subscriptions?$/,
    );
    expect(Number(/Tickets: (\d+) opened/.exec(run.content)?.[1])).toBeGreaterThanOrEqual(4);
  });

  it("reads a period as French operators type it, and says it in French", async () => {
    for (const period of ["7j", "7 j"]) {
      const run = await runMaxis(`/maxis analytics period:${period} target:maxis`, { locale: "fr" });
      expect(run.content.split("\n")[0]).toMatch(/^\*\*maxis\*\* sur 7 j \(depuis le <t:\d+:f>\)$/);
    }
  });

  it("gives the revenue of the server the operator names, a Maxis selling in several", async () => {
    const run = await runMaxis("/maxis analytics period:30d target:maxis server:1300000000000000920");
    expect(run.content.split("\n")[4]).toMatch(/^Revenue of Local server 0920: /);
    const bad = await runMaxis("/maxis analytics period:30d target:maxis server:nope");
    expect(bad.content).toContain("server");
  });

  it("refuses a period it cannot read before calling Maxis", async () => {
    const { response } = await sendMaxis("/maxis analytics period:forever target:maxis");
    expect(response).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        content: "The period must look like 24h, 7d, 30d or 12w (1 hour to 366 days).",
        flags: MessageFlags.Ephemeral,
      },
    });
  });
});

describe("/maxis promo", () => {
  it("creates a promotion that /shop then shows, and audits who did it", async () => {
    const run = await runMaxis(
      `/maxis promo server:${LOCAL_GUILD_ID} percent:15 plan:basic duration:48h target:maxis`,
    );
    expect(run.content).toMatch(
      /^Promotion #\d+ started on \*\*maxis\*\* in Local server: \*\*Basic\*\* −15 % \(€4\.99 → €4\.24\) until <t:\d+:f>\.$/,
    );
    const row = await waitForAudit((r) => r.action === "promo" && r.outcome === "accepted");
    expect(row).toMatchObject({ keyId: "primary", operatorId: LOCAL_ADMIN_ID, code: "ok" });
  });

  it("passes on the shop's refusal, in French, and creates nothing", async () => {
    const run = await runMaxis(
      `/maxis promo server:${LOCAL_GUILD_ID} percent:20 plan:nonexistent duration:48h target:maxis`,
      { locale: "fr" },
    );
    // Other tests may add plans to the same database meanwhile: the seeded ones are listed, in order.
    expect(run.content).toMatch(
      /^\*\*maxis\*\* : Ce serveur n'a aucune offre avec cette clé\. Offres existantes : `basic`, `pro`, `premium`, `lifetime`(, `[^`]+`)*\.$/,
    );
    const short = await runMaxis(
      `/maxis promo server:${LOCAL_GUILD_ID} percent:20 plan:pro duration:10m target:maxis`,
    );
    expect(short.content).toBe("**maxis**: A promotion lasts between 1 hour and 30 days.");
    // A duration typed in words is unreadable, not too long or too short: the operator is told how to write it.
    const words = await runMaxis(
      `/maxis promo server:${LOCAL_GUILD_ID} percent:20 plan:pro duration:2 days target:maxis`,
    );
    expect(words.content).toBe(
      "**maxis**: I can't read that duration. Write it like 48h, 2d or 1w (a promotion lasts 1 hour to 30 days).",
    );
  });

  it("changes only the named server's shop: the same key on another server is another plan", async () => {
    const run = await runMaxis(
      `/maxis promo server:${OTHER_GUILD_ID} percent:30 plan:pro duration:2h target:maxis`,
    );
    // That server's own `pro` ($9.00), not the first server's (€12.99); named as Discord names it,
    // though it is not one of Maxis's configured servers.
    expect(run.content).toMatch(
      /^Promotion #\d+ started on \*\*maxis\*\* in Local server 0920: \*\*Other server Pro\*\* −30 % \(\$9\.00 → \$6\.30\)/,
    );
  });

  it("names the plan in the operator's language, and the server by its name", async () => {
    const run = await runMaxis(
      `/maxis promo server:${OTHER_GUILD_ID} percent:10 plan:pro duration:2h target:maxis`,
      { locale: "fr" },
    );
    expect(run.content).toMatch(
      /^Promotion n° \d+ lancée sur \*\*maxis\*\* dans Local server 0920 : \*\*Pro de l'autre serveur\*\* −10 %/,
    );
  });

  it("refuses a server that is not a Discord id, or a plan only another server has", async () => {
    const bad = await runMaxis(
      "/maxis promo server:everywhere percent:20 plan:pro duration:2h target:maxis",
      {
        locale: "fr",
      },
    );
    expect(bad.content).toBe(
      "**maxis** : Indiquez le serveur Discord par son identifiant (proposé à la saisie).",
    );
    const elsewhere = await runMaxis(
      `/maxis promo server:${OTHER_GUILD_ID} percent:20 plan:basic duration:2h target:maxis`,
    );
    expect(elsewhere.content).toMatch(
      /^\*\*maxis\*\*: This server has no plan with that key\. Existing plans: `pro`(, `[^`]+`)*\.$/,
    );
  });
});

describe("/maxis promo plan", () => {
  it("suggests the live plans Maxis sells, filtered by what was typed", async () => {
    // Other tests may add plans to the same database meanwhile: the seeded ones come first.
    const all = await suggestions(
      `/maxis promo server:${LOCAL_GUILD_ID} percent:10 plan: duration:48h target:maxis`,
      "plan",
    );
    expect(all.slice(0, 4)).toEqual([
      { name: "Basic (basic)", value: "basic" },
      { name: "Pro (pro)", value: "pro" },
      { name: "Premium (premium)", value: "premium" },
      { name: "Lifetime (lifetime)", value: "lifetime" },
    ]);
    const typed = await suggestions(
      `/maxis promo server:${LOCAL_GUILD_ID} percent:10 plan:PR duration:48h target:maxis`,
      "plan",
    );
    expect(typed.slice(0, 2)).toEqual([
      { name: "Pro (pro)", value: "pro" },
      { name: "Premium (premium)", value: "premium" },
    ]);
    expect(typed.every((c) => c.name.toLowerCase().includes("pr"))).toBe(true);
    expect(typed.map((c) => c.value)).not.toContain("basic");
  });

  it("suggests the plans of the server picked, and Maxis's servers by name", async () => {
    const other = await suggestions(
      `/maxis promo server:${OTHER_GUILD_ID} percent:10 plan: duration:48h target:maxis`,
      "plan",
    );
    expect(other.slice(0, 1)).toEqual([{ name: "Other server Pro (pro)", value: "pro" }]);
    expect(other.map((c) => c.name)).not.toContain("Basic (basic)");

    // Maxis's bot joins the seed's second server: its commands are global, so it serves it too.
    await fetch(`${inject("discordLocalUrl")}/__local/guilds`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: OTHER_GUILD_ID }),
    });
    const servers = await suggestions(
      "/maxis promo server: percent:10 plan:pro duration:48h target:maxis",
      "server",
    );
    expect(servers).toContainEqual({ name: `Local server (${LOCAL_GUILD_ID})`, value: LOCAL_GUILD_ID });
    expect(servers).toContainEqual({ name: `Local server 0920 (${OTHER_GUILD_ID})`, value: OTHER_GUILD_ID });
    expect(
      await suggestions("/maxis promo server:0920 percent:10 plan:pro duration:48h target:maxis", "server"),
    ).toEqual([{ name: `Local server 0920 (${OTHER_GUILD_ID})`, value: OTHER_GUILD_ID }]);
    expect(
      await suggestions(
        "/maxis promo server:nothing-like-it percent:10 plan:pro duration:48h target:maxis",
        "server",
      ),
    ).toEqual([]);
  });

  it("suggests nothing to someone who is not an operator, and asks Maxis nothing", async () => {
    const { response } = await sendMaxis(
      `/maxis promo server:${LOCAL_GUILD_ID} percent:10 plan:p duration:48h target:maxis`,
      { actor: { userId: LOCAL_MEMBER_ID }, focused: "plan" },
    );
    expect(response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  });
});
