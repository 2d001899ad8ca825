/**
 * One Maxis, two servers configured differently (issue 11): each server's staff roles, categories and
 * open-ticket limit decide what happens there, through the real Worker, Postgres and RLS. The settings
 * are written the way Maxis creates them for a new server (server_settings_ensure) and changed by an
 * admin through server_settings_update and ticket_category_update, before Maxis first serves them.
 */
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { supabaseAs } from "../../../src/maxis/supabase/client";
import { supabaseAsMaxis } from "../../../src/maxis/supabase/system-client";
import { configureServer as configureWithChannel, newChannel } from "./panel-support";
import {
  createdNumber,
  inLocale,
  privateText,
  run,
  snowflake,
  visibleText,
  waitForRequests,
} from "./tickets-support";

async function configureServer(
  guildId: string,
  settings: { staffRoleIds: string[]; openTicketLimit: number; billingRoles?: string[] },
) {
  const maxis = await supabaseAsMaxis(env, "maxis:settings");
  const ensured = await maxis.rpc("server_settings_ensure", {
    p_guild_id: guildId,
    p_defaults: { staffRoleIds: settings.staffRoleIds },
  });
  expect(ensured.error).toBeNull();
  const admin = await supabaseAs(env, { userId: snowflake(), appRole: "admin", guildId, roleIds: [] });
  const changed = await admin.rpc("server_settings_update", {
    p_changes: { openTicketLimit: settings.openTicketLimit },
  });
  expect(changed.error).toBeNull();
  if (settings.billingRoles) {
    const billing = await admin.rpc("ticket_category_update", {
      p_key: "billing",
      p_changes: { staffRoleIds: settings.billingRoles },
    });
    expect(billing.error).toBeNull();
  }
}

describe("two servers configured differently", () => {
  const serverA = snowflake();
  const serverB = snowflake();
  const roleA = snowflake();
  const roleB = snowflake();
  const billingRole = snowflake();
  const staffA: Actor = { userId: snowflake(), guildId: serverA, roles: [roleA] };
  const billingStaffA: Actor = { userId: snowflake(), guildId: serverA, roles: [roleA, billingRole] };

  // The first test also pays for the Worker's cold start.
  it("a staff member of A is a plain member on B, and B's staff role means nothing on A", {
    timeout: 30_000,
  }, async () => {
    await configureServer(serverA, {
      staffRoleIds: [roleA],
      openTicketLimit: 1,
      billingRoles: [billingRole],
    });
    await configureServer(serverB, { staffRoleIds: [roleB], openTicketLimit: 3 });

    const note = "/ticket-staff note ticket:999 message:hello";
    // Staff on A: the database is asked (and has no ticket #999).
    expect(privateText(await run(staffA, note))).toContain("Ticket #999 was not found.");
    const onB = { ...staffA, guildId: serverB };
    expect(privateText(await run(onB, note))).toContain("Only the support team can do this.");
    const staffOfB: Actor = { userId: snowflake(), guildId: serverA, roles: [roleB], locale: "fr" };
    expect(privateText(await run(staffOfB, note))).toContain("Seule l'équipe de support peut faire cela.");
    expect(privateText(await run({ ...staffOfB, guildId: serverB }, note))).toContain(
      "Le ticket #999 est introuvable.",
    );
  });

  it("a ticket in a category kept to role R is invisible to an agent of the server without R", async () => {
    const member: Actor = { userId: snowflake(), guildId: serverA };
    const number = createdNumber(
      await run(member, "/ticket create subject:Refund description:Card charged twice category:billing"),
    );
    expect(privateText(await run(staffA, `/ticket view ticket:${number}`))).toContain("was not found");
    expect(privateText(await run(inLocale(staffA, "fr"), `/ticket view ticket:${number}`))).toContain(
      "est introuvable",
    );
    expect(visibleText(await run(billingStaffA, `/ticket view ticket:${number}`))).toContain("Refund");
  });

  it("each server's open-ticket limit applies to its own members, in their language", async () => {
    const onA: Actor = { userId: snowflake(), guildId: serverA, locale: "fr" };
    await run(onA, "/ticket create subject:Un description:Premier");
    expect(privateText(await run(onA, "/ticket create subject:Deux description:Second"))).toContain(
      "Vous avez déjà 1 ticket ouvert",
    );
    const onB: Actor = { userId: snowflake(), guildId: serverB };
    await run(onB, "/ticket create subject:One description:First");
    await run(onB, "/ticket create subject:Two description:Second");
    await run(onB, "/ticket create subject:Three description:Third");
    expect(privateText(await run(onB, "/ticket create subject:Four description:Fourth"))).toContain(
      "You already have 3 open tickets",
    );
  });

  it("a member holding the category's role who never handled a ticket can be assigned", async () => {
    const member: Actor = { userId: snowflake(), guildId: serverA };
    const number = createdNumber(
      await run(member, "/ticket create subject:Invoice description:Need a copy category:billing"),
    );
    const newcomer = snowflake();
    const local = inject("discordLocalUrl");
    await fetch(`${local}/__local/members`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ guild_id: serverA, user_id: newcomer, roles: [billingRole] }),
    });
    const answer = privateText(
      await run(billingStaffA, `/ticket-staff assign ticket:${number} member:${newcomer}`),
    );
    expect(answer).toContain(newcomer);
    const outsider = snowflake();
    expect(
      privateText(await run(billingStaffA, `/ticket-staff assign ticket:${number} member:${outsider}`)),
    ).toContain("Only members holding a staff role");
  });

  it("the staff channel's notice of a ticket kept to role R addresses R alone and keeps its text from the others", async () => {
    const server = snowflake();
    const everyone = snowflake();
    const billing = snowflake();
    const channel = await newChannel(server);
    await configureWithChannel(server, {
      staffRoleIds: [everyone],
      settings: { staffChannelId: channel },
      categories: { billing: { staffRoleIds: [billing] } },
    });
    const member: Actor = { userId: snowflake(), guildId: server };
    await run(member, "/ticket create subject:Refund please description:Card charged twice category:billing");
    await run(member, "/ticket create subject:Login broken description:Cannot sign in category:account");
    const posts = await waitForRequests(
      (requests) => requests.filter((r) => r.method === "POST" && r.path === `/channels/${channel}/messages`),
      2,
    );
    const bodies = posts.map(
      (p) => p.body as { content: string; allowed_mentions: unknown; embeds: unknown[] },
    );
    const restricted = bodies.find((b) => JSON.stringify(b).includes(`<@&${billing}>`));
    const open = bodies.find((b) => b !== restricted);
    expect(restricted?.content).toContain(`For <@&${billing}> only`);
    expect(restricted?.allowed_mentions).toEqual({ parse: [], roles: [billing] });
    expect(JSON.stringify(restricted?.embeds)).not.toMatch(/Refund please|Card charged twice/);
    expect(open?.content).not.toContain("<@&");
    expect(open?.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(open?.embeds)).toContain("Login broken");
  });
});
