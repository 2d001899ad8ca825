/**
 * `/setup` through the real Worker, Postgres and the Discord stand-in: the settings shown with
 * Discord's own menus, each menu, button and the texts form changing one setting (audited in the
 * database), Maxis's permissions checked in a chosen channel and what is missing named in the admin's
 * language, and every press refused to someone who is not an admin of the server.
 */
import {
  ComponentType,
  InteractionResponseType,
  PermissionFlagsBits as P,
} from "discord-api-types/payloads/v10";
import type { APIInteractionResponse, APIModalInteractionResponseCallbackData } from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { choose, configureServer, customIdsOf, newChannel } from "./panel-support";
import { click, messageOf, privateText, run, snowflake, submitModal } from "./tickets-support";

const note = "/ticket-staff note ticket:999 message:hello";

function updatedText(response: APIInteractionResponse): string {
  expect(response.type).toBe(InteractionResponseType.UpdateMessage);
  return messageOf(response).content ?? "";
}

describe("/setup", () => {
  const server = snowflake();
  const admin: Actor = { userId: snowflake(), guildId: server, administrator: true, locale: "fr" };
  const adminEn: Actor = { ...admin, locale: "en-US" };
  const newRole = snowflake();
  const candidate: Actor = { userId: snowflake(), guildId: server, roles: [newRole] };

  it("shows the settings with a role menu, two channel menus, a language menu and two buttons", {
    timeout: 30_000,
  }, async () => {
    await configureServer(server);
    const shown = messageOf(await run(admin, "/setup show"));
    expect(shown.flags).toBe(64);
    expect(shown.content).toContain("Réglages de Maxis pour ce serveur");
    expect(shown.content).toContain("Salon d'assistance (fils des tickets) : aucun");
    expect(customIdsOf(shown)).toEqual([
      "setup:roles",
      "setup:support",
      "setup:staff",
      "setup:lang",
      "setup:dms",
      "setup:texts",
    ]);
    const types = (shown.components ?? []).map(
      (row) => (row as { components: { type: number }[] }).components[0]?.type,
    );
    expect(types).toEqual([
      ComponentType.RoleSelect,
      ComponentType.ChannelSelect,
      ComponentType.ChannelSelect,
      ComponentType.StringSelect,
      ComponentType.Button,
    ]);
  });

  it("refuses the command and every press to a member who is not an admin, changing nothing", async () => {
    expect(privateText(await run(candidate, "/setup show"))).toBe(
      "Only this server's administrators (Manage Server) can change its settings.",
    );
    // Staff of the server (by role) are not admins either.
    await choose(admin, "setup:roles", [newRole], ComponentType.RoleSelect);
    for (const press of [
      () => choose(candidate, "setup:roles", [], ComponentType.RoleSelect),
      () => choose({ ...candidate, locale: "fr" }, "setup:lang", ["en"]),
      () => click(candidate, "setup:dms"),
      () => click(candidate, "setup:texts"),
      () => submitModal(candidate, "setup-texts", { title: "Hacked", text: "", limit: "50" }),
    ]) {
      const answer = privateText(await press());
      expect(answer).toMatch(/^(Only this server's administrators|Seuls les administrateurs)/);
    }
    const shown = privateText(await run(adminEn, "/setup show"));
    expect(shown).toContain(`Staff roles: <@&${newRole}>`);
    expect(shown).toContain("Open tickets per member: **5**");
    expect(shown).toContain("DMs to members: on");
  });

  it("the role menu sets the staff roles: holders become staff at once", async () => {
    const otherRole = snowflake();
    const saved = updatedText(await choose(admin, "setup:roles", [otherRole], ComponentType.RoleSelect));
    expect(saved).toContain("Enregistré.");
    expect(saved).toContain(`Rôles de support : <@&${otherRole}>`);
    expect(privateText(await run(candidate, note))).toContain("Only the support team can do this.");
    await choose(admin, "setup:roles", [otherRole, newRole], ComponentType.RoleSelect);
    expect(privateText(await run(candidate, note))).toContain("Ticket #999 was not found.");
  });

  it("a support channel is saved only where Maxis can open private threads and use webhooks", async () => {
    const lacking = await newChannel(server, P.ManageWebhooks | P.CreatePrivateThreads);
    const fr = updatedText(await choose(admin, "setup:support", [lacking], ComponentType.ChannelSelect));
    expect(fr).toContain(`Maxis ne peut pas encore fonctionner dans <#${lacking}>`);
    expect(fr).toContain("Il y manque : **Créer des fils privés**, **Gérer les webhooks**.");
    expect(fr).toContain("Salon d'assistance (fils des tickets) : aucun");
    const en = updatedText(await choose(adminEn, "setup:support", [lacking], ComponentType.ChannelSelect));
    expect(en).toContain("Missing there: **Create Private Threads**, **Manage Webhooks**.");

    // Private threads cannot be opened in an announcement channel.
    const announcements = snowflake();
    await fetch(`${inject("discordLocalUrl")}/__local/channels`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: announcements, guild_id: server, type: 5 }),
    });
    expect(
      updatedText(await choose(adminEn, "setup:support", [announcements], ComponentType.ChannelSelect)),
    ).toContain(`Maxis cannot use <#${announcements}>`);

    const good = await newChannel(server);
    const saved = updatedText(await choose(admin, "setup:support", [good], ComponentType.ChannelSelect));
    expect(saved).toContain(`Salon d'assistance (fils des tickets) : <#${good}>`);
    const cleared = updatedText(await choose(admin, "setup:support", [], ComponentType.ChannelSelect));
    expect(cleared).toContain("Salon d'assistance (fils des tickets) : aucun");
  });

  it("a staff channel needs embeds, and must be one of this server's", async () => {
    const noEmbeds = await newChannel(server, P.EmbedLinks);
    expect(
      updatedText(await choose(adminEn, "setup:staff", [noEmbeds], ComponentType.ChannelSelect)),
    ).toContain("Missing there: **Embed Links**.");
    const elsewhere = await newChannel(snowflake());
    expect(
      updatedText(await choose(adminEn, "setup:staff", [elsewhere], ComponentType.ChannelSelect)),
    ).toContain(`Maxis cannot use <#${elsewhere}>`);
    const good = await newChannel(server);
    expect(updatedText(await choose(adminEn, "setup:staff", [good], ComponentType.ChannelSelect))).toContain(
      `Staff channel: <#${good}>`,
    );
  });

  it("the language menu and the DMs button", async () => {
    expect(updatedText(await choose(adminEn, "setup:lang", ["fr"]))).toContain("Language of posts: French");
    expect(updatedText(await choose(adminEn, "setup:lang", ["de"]))).toContain(
      "The settings could not be saved.",
    );
    expect(updatedText(await click(admin, "setup:dms"))).toContain("MP aux membres : désactivés");
    expect(updatedText(await click(admin, "setup:dms"))).toContain("MP aux membres : activés");
  });

  it("the texts form: the panel's title and text and the open-ticket limit", async () => {
    const opened = await click(adminEn, "setup:texts");
    expect(opened.type).toBe(InteractionResponseType.Modal);
    const form = (opened as { data: APIModalInteractionResponseCallbackData }).data;
    expect(form.custom_id).toBe("setup-texts");
    expect(JSON.stringify(form.components)).toContain('"custom_id":"limit"');

    expect(privateText(await submitModal(admin, "setup-texts", { title: "", text: "", limit: "cinq" }))).toBe(
      "La limite de tickets ouverts est un nombre entier de 1 à 50, pas « cinq ». Rien n'a été enregistré.",
    );
    const saved = updatedText(
      await submitModal(adminEn, "setup-texts", { title: "Support desk", text: "Pick a topic.", limit: "2" }),
    );
    expect(saved).toContain("Panel: Support desk");
    expect(saved).toContain("Open tickets per member: **2**");
    const member: Actor = { userId: snowflake(), guildId: server };
    await run(member, "/ticket create subject:One description:First");
    await run(member, "/ticket create subject:Two description:Second");
    expect(privateText(await run(member, "/ticket create subject:Three description:Third"))).toContain(
      "You already have 2 open tickets",
    );
    const reset = updatedText(await submitModal(adminEn, "setup-texts", { title: "", text: "", limit: "5" }));
    expect(reset).toContain("Panel: Need help?");
  });

  it("refuses over-long panel texts with the limit, in the admin's language, saving nothing", async () => {
    const long = (n: number) => "x".repeat(n);
    expect(
      privateText(await submitModal(adminEn, "setup-texts", { title: long(257), text: "", limit: "5" })),
    ).toBe("The panel's title has at most 256 characters (this one has 257). Nothing was saved.");
    expect(
      privateText(await submitModal(admin, "setup-texts", { title: "", text: long(2001), limit: "5" })),
    ).toBe("Le texte du panneau a au plus 2000 caractères (celui-ci en a 2001). Rien n'a été enregistré.");
    expect(privateText(await run(adminEn, "/setup show"))).toContain("Panel: Need help?");
  });

  it("answers a forged texts form clearly: half an emoji is never echoed, NUL is refused, mentions stay text", async () => {
    const limit = `${"9".repeat(19)}🎉`;
    const refused = privateText(await submitModal(adminEn, "setup-texts", { title: "", text: "", limit }));
    // Compared as a boolean: a lone surrogate in a failure message breaks the test runner's own channel.
    expect(
      refused === `The open-ticket limit is a whole number from 1 to 50, not “${limit}”. Nothing was saved.`,
    ).toBe(true);
    const nul = privateText(
      await submitModal(adminEn, "setup-texts", { title: "a\u0000b", text: "", limit: "5" }),
    );
    expect(nul).not.toMatch(/internal|went wrong/i);
    expect(privateText(await run(adminEn, "/setup show"))).toContain("Panel: Need help?");
    const shown = updatedText(
      await submitModal(adminEn, "setup-texts", {
        title: "@everyone [x](https://evil.example)",
        text: "",
        limit: "5",
      }),
    );
    expect(shown).toContain("Panel: \\@everyone \\[x\\](https\\://evil.example)");
    await submitModal(adminEn, "setup-texts", { title: "", text: "", limit: "5" });
  });

  it("category-role says whether the role now handles the category or no longer does", async () => {
    const role = snowflake();
    expect(privateText(await run(adminEn, `/setup category-role category:billing role:${role}`))).toMatch(
      new RegExp(`^Role <@&${role}> now handles \\*\\*Billing\\*\\*: only its holders`),
    );
    const shown = privateText(await run(adminEn, "/setup show"));
    expect(shown).toContain(`💳 Billing: <@&${role}>`);
    expect(privateText(await run(admin, `/setup category-role category:billing role:${role}`))).toMatch(
      new RegExp(`^Le rôle <@&${role}> ne s'occupe plus de \\*\\*Facturation\\*\\* : toute l'équipe`),
    );
    expect(privateText(await run(adminEn, `/setup category-role category:nope role:${role}`))).toBe(
      "This server has no such category.",
    );
  });
});
