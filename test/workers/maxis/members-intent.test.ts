/**
 * The Server Members privileged intent (issue 11 §4), through the real Worker, Postgres and the
 * Discord stand-in: `/setup` warns the admin, in their language, when Discord says Maxis's application
 * lacks it, says nothing when it has it or when Discord cannot be asked; the dashboard's assignee list
 * says why it is partial when Discord refuses the member list; and the local server's seeded admin
 * (Administrator through a role, as on Discord) is offered as an assignee.
 */
import { afterEach, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { LOCAL_ADMIN_ID, LOCAL_GUILD_ID, LOCAL_STAFF_ROLE_ID } from "../../../scripts/lib/local-identities";
import { forgetMembersIntent } from "../../../src/maxis/servers/members-intent";
import type { AssigneeList } from "../../../src/shared/contracts/people";
import { api, sessionFor } from "./api-support";
import { addMember } from "./assignee-support";
import { choose, configureServer } from "./panel-support";
import { createdNumber, messageOf, run, scriptFailure, snowflake } from "./tickets-support";

const local = inject("discordLocalUrl");

async function membersIntent(change: { enabled: boolean; guild_id?: string }): Promise<void> {
  const res = await fetch(`${local}/__local/members-intent`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(change),
  });
  expect(res.status).toBe(204);
}

const WARNING = {
  fr: "⚠️ Maxis n'a pas l'intent **Server Members**",
  en: "⚠️ Maxis does not have the **Server Members Intent**",
};

describe("/setup and the Server Members intent", () => {
  const server = snowflake();
  const admin: Actor = { userId: snowflake(), guildId: server, administrator: true, locale: "fr" };
  const adminEn: Actor = { ...admin, locale: "en-US" };
  const show = async (actor: Actor) => messageOf(await run(actor, "/setup show")).content ?? "";

  afterEach(async () => {
    await membersIntent({ enabled: true });
    forgetMembersIntent();
  });

  it("says nothing when Discord reports the intent on", { timeout: 30_000 }, async () => {
    await configureServer(server);
    forgetMembersIntent();
    const shown = await show(admin);
    expect(shown).toContain("Réglages de Maxis pour ce serveur");
    expect(shown).not.toContain("⚠️");
  });

  it("warns the admin in French and English when it is off, on every redraw", async () => {
    await configureServer(server);
    await membersIntent({ enabled: false });
    forgetMembersIntent();
    const fr = await show(admin);
    expect(fr).toContain(`${WARNING.fr}, donc Discord ne lui donne pas la liste des membres de ce serveur`);
    expect(fr).toContain("Privileged Gateway Intents → Server Members Intent");
    // The line sits under the title, before the settings.
    expect(fr.split("\n").slice(0, 2)).toEqual([
      "**Réglages de Maxis pour ce serveur**",
      expect.stringContaining(WARNING.fr),
    ]);
    const en = await show(adminEn);
    expect(en).toContain(`${WARNING.en}, so Discord will not give it this server's member list`);
    // A menu press redraws the settings with the warning still there.
    const redrawn = await choose(adminEn, "setup:lang", ["en"]);
    expect(messageOf(redrawn).content).toContain("Saved.");
    expect(messageOf(redrawn).content).toContain(WARNING.en);
  });

  it("says nothing, and still answers, when Discord cannot be asked", async () => {
    await configureServer(server);
    await membersIntent({ enabled: false });
    await scriptFailure({
      method: "GET",
      pathPattern: "^/applications/@me$",
      bodyIncludes: "null",
      status: 401,
      body: { message: "401: Unauthorized", code: 0 },
      times: 1,
    });
    forgetMembersIntent();
    const shown = await show(adminEn);
    expect(shown).toContain("Maxis settings of this server");
    expect(shown).not.toContain("⚠️");
  });
});

describe("the assignee list without the member list", () => {
  it("says Discord refused the member list, and still offers who Postgres knows", {
    timeout: 30_000,
  }, async () => {
    const server = snowflake();
    const role = snowflake();
    await configureServer(server, { staffRoleIds: [role] });
    const staff: Actor = {
      userId: await addMember(server, "Sol Agent", [role]),
      guildId: server,
      roles: [role],
    };
    const member: Actor = { userId: snowflake(), guildId: server };
    const number = createdNumber(await run(member, "/ticket create subject:Hello description:Help"));
    // Sol takes the ticket: Postgres knows them from then on.
    await run(staff, `/ticket-staff assign ticket:${number}`);
    await membersIntent({ enabled: false, guild_id: server });
    try {
      const answer = await api(`/tickets/${number}/assignees`, { token: await sessionFor(staff) });
      expect(answer.status).toBe(200);
      const list = answer.json as unknown as AssigneeList;
      expect(list).toMatchObject({ complete: false, incomplete: "members_intent" });
      expect(list.assignees.map((p) => p.id)).toContain(staff.userId);
    } finally {
      await membersIntent({ enabled: true, guild_id: server });
    }
  });

  it("offers the local server's seeded admin, an admin through their Admin role", async () => {
    const member: Actor = { userId: snowflake() };
    const number = createdNumber(await run(member, "/ticket create subject:Local description:Help"));
    const staff: Actor = { userId: snowflake(), guildId: LOCAL_GUILD_ID, roles: [LOCAL_STAFF_ROLE_ID] };
    const answer = await api(`/tickets/${number}/assignees`, { token: await sessionFor(staff) });
    const list = answer.json as unknown as AssigneeList;
    expect(list).toMatchObject({ complete: true, incomplete: null });
    expect(list.assignees).toContainEqual({ id: LOCAL_ADMIN_ID, name: "Sam Leroy", avatarUrl: null });
  });
});
