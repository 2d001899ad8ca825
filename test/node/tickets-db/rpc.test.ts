/**
 * The typed wrappers through supabase-js and the local REST stand-in, signed exactly as Maxis signs:
 * results come back typed, refusals come back as stable codes, and anon is turned away.
 */
import { createClient } from "@supabase/supabase-js";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type SupabaseIdentity, supabaseAs } from "../../../src/maxis/supabase/client";
import * as tickets from "../../../src/maxis/tickets/rpc";
import { newGuild, type Person, superuser } from "./db";

afterAll(() => superuser.end());

const { restUrl, publishableKey, secretKey, signingKey } = inject("supabase");
const env = {
  SUPABASE_URL: restUrl,
  SUPABASE_PUBLISHABLE_KEY: publishableKey,
  SUPABASE_JWT_SIGNING_KEY: signingKey,
};
const as = (p: Person) => {
  const identity: SupabaseIdentity = {
    userId: p.sub,
    appRole: p.appRole,
    guildId: p.guildId,
    roleIds: p.roles ?? [],
  };
  return supabaseAs(env, identity);
};
const noSession = { auth: { persistSession: false, autoRefreshToken: false } };

describe("ticket RPC wrappers over supabase-js", () => {
  const g = newGuild();

  it("runs a ticket's life as member and staff", async () => {
    const member = await as(g.memberA);
    const staff = await as(g.agent);
    const created = await tickets.createTicket(member, {
      subject: "Cannot pay",
      description: "Card refused @everyone",
      category: "billing",
      priority: "high",
      locale: "fr",
    });
    expect(created).toMatchObject({
      ok: true,
      value: { number: 1, status: "open", description: "Card refused @everyone", ownerLocale: "fr" },
    });

    expect(
      await tickets.replyToTicket(staff, "#1", { body: "Which card?", status: "waiting_for_member" }),
    ).toMatchObject({
      ok: true,
      value: { ticket: { status: "waiting_for_member" }, message: { fromStaff: true, isInternal: false } },
    });
    expect((await tickets.addInternalNote(staff, 1, "Check Stripe")).ok).toBe(true);
    expect(await tickets.assignTicket(staff, 1, g.agent.sub)).toMatchObject({
      ok: true,
      value: { assigneeId: g.agent.sub },
    });

    const view = await tickets.viewTicket(member, "1");
    expect(view.ok && view.value.messages.map((m) => m.body)).toEqual(["Which card?"]);
    expect(view.ok && view.value.audit).toBeNull();

    const list = await tickets.listTickets(staff, { status: "waiting_for_member", search: "pay" });
    expect(list).toMatchObject({ ok: true, value: { total: 1, items: [{ number: 1 }] } });
    expect(await tickets.autocompleteTickets(member, "#1")).toEqual({
      ok: true,
      value: [{ number: 1, subject: "Cannot pay", status: "waiting_for_member" }],
    });
    expect(await tickets.closeTicket(member, 1, "Paid another way")).toMatchObject({
      ok: true,
      value: { status: "closed", closedBy: g.memberA.sub, closeReason: "Paid another way" },
    });
    const transcript = await tickets.ticketTranscript(staff, 1, true);
    expect(transcript.ok && transcript.value.messages.map((m) => m.body)).toEqual([
      "Which card?",
      "Check Stripe",
    ]);
    const stats = await tickets.ticketStats(staff);
    expect(stats.ok && stats.value.allTime.byStatus.closed).toBe(1);
    expect((await tickets.reopenTicket(member, 1)).ok).toBe(true);
    expect(await tickets.setTicketPriority(staff, 1, "low")).toMatchObject({
      ok: true,
      value: { priority: "low" },
    });
    expect(await tickets.setTicketStatus(staff, 1, "in_progress")).toMatchObject({
      ok: true,
      value: { ticket: { status: "in_progress" }, previousStatus: "open" },
    });
    expect(await tickets.setTicketStatus(staff, 1, "in_progress")).toMatchObject({
      ok: false,
      error: { code: "ticket_status_unchanged" },
    });
  });

  it("returns refusals as codes, identical for someone else's ticket and a missing one", async () => {
    const other = await as(g.memberB);
    const theirs = await tickets.viewTicket(other, 1);
    const missing = await tickets.viewTicket(other, 999);
    expect(theirs).toEqual({
      ok: false,
      error: { code: "ticket_not_found", detail: "There is no such ticket for you in this server." },
    });
    expect(missing).toEqual(theirs);
    expect(await tickets.viewTicket(other, "forty-two")).toMatchObject({
      ok: false,
      error: { code: "invalid_ticket_number" },
    });
    expect(await tickets.createTicket(other, { subject: "", description: "x" })).toMatchObject({
      ok: false,
      error: { code: "subject_empty" },
    });
    expect(await tickets.ticketStats(other)).toMatchObject({ ok: false, error: { code: "staff_only" } });
  });

  it("turns anon away and keeps the control functions for the service role", async () => {
    const anon = createClient(restUrl, publishableKey, noSession);
    await expect(tickets.listTickets(anon)).rejects.toThrow(/permission denied/);
    await expect(tickets.openTicketCounts(await as(g.admin))).rejects.toThrow(tickets.TicketRpcError);

    const service = createClient(restUrl, secretKey, noSession);
    const counts = await tickets.openTicketCounts(service);
    expect(counts.ok && counts.value.guilds.find((guild) => guild.guildId === g.guildId)).toEqual({
      guildId: g.guildId,
      open: 0,
      inProgress: 1,
      waitingForMember: 0,
      total: 1,
    });
    expect(await tickets.closeStaleTickets(service, 0)).toMatchObject({
      ok: false,
      error: { code: "invalid_days" },
    });
    expect(await tickets.closeStaleTickets(service, 30, g.guildId)).toEqual({
      ok: true,
      value: { closed: 0, byGuild: {} },
    });
    await expect(tickets.viewTicket(service, 1)).rejects.toThrow(tickets.TicketRpcError);
  });
});
