/**
 * `/ticket-staff assign member:` (issue 11 §4) in French and English: a staff-role holder who never
 * handled a ticket can be given one, as can an admin (through a role); someone without a staff role,
 * or without the role of the ticket's category, is refused with a private message in the staff
 * member's language. Discord (the stand-in) says who holds which role.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { addAdminRole, addMember } from "./assignee-support";
import { configureServer } from "./panel-support";
import { createdNumber, inLocale, privateText, run, snowflake } from "./tickets-support";

async function setUp() {
  const server = snowflake();
  const staffRole = snowflake();
  const billingRole = snowflake();
  await configureServer(server, {
    staffRoleIds: [staffRole],
    categories: { billing: { staffRoleIds: [billingRole] } },
  });
  const adminRole = await addAdminRole(server);
  const member: Actor = { userId: snowflake(), guildId: server };
  const create = async (line: string) => createdNumber(await run(member, line));
  return {
    staff: { userId: snowflake(), guildId: server, roles: [staffRole, billingRole] } satisfies Actor,
    newcomer: await addMember(server, "Nina", [staffRole]),
    admin: await addMember(server, "Ada", [adminRole]),
    outsider: await addMember(server, "Paul", []),
    general: await create("/ticket create subject:Login description:Broken"),
    billing: await create("/ticket create subject:Invoice description:Copy category:billing"),
  };
}

describe("/ticket-staff assign to someone who never handled a ticket", () => {
  it("works in English for a staff-role holder, and refuses a member without one", {
    timeout: 30_000,
  }, async () => {
    const s = await setUp();
    expect(
      privateText(await run(s.staff, `/ticket-staff assign ticket:${s.general} member:${s.newcomer}`)),
    ).toBe(`Ticket **#${s.general}** is now assigned to <@${s.newcomer}>.`);
    expect(
      privateText(await run(s.staff, `/ticket-staff assign ticket:${s.general} member:${s.outsider}`)),
    ).toBe("Only members holding a staff role that handles this ticket's category can be assigned.");
  });

  it("works in French, for an admin too, and refuses a staff member without the category's role", async () => {
    const s = await setUp();
    const staff = inLocale(s.staff, "fr");
    expect(
      privateText(await run(staff, `/ticket-staff assign ticket:${s.general} member:${s.newcomer}`)),
    ).toBe(`Le ticket **#${s.general}** est maintenant assigné à <@${s.newcomer}>.`);
    expect(
      privateText(await run(staff, `/ticket-staff assign ticket:${s.billing} member:${s.newcomer}`)),
    ).toBe(
      "Seuls les membres ayant un rôle de support qui traite la catégorie de ce ticket peuvent être assignés.",
    );
    expect(privateText(await run(staff, `/ticket-staff assign ticket:${s.billing} member:${s.admin}`))).toBe(
      `Le ticket **#${s.billing}** est maintenant assigné à <@${s.admin}>.`,
    );
  });
});
