/**
 * /ticket end to end, as staff would use it: every member's tickets, notes, assignment, status,
 * priority and stats; staff subcommands refused to others before any database call; one Supabase call
 * per command. One fresh server per test.
 */

import { describe, expect, it } from "vitest";
import { waitForDiscordRequests } from "../support/discord";
import {
  autocomplete,
  click,
  countSupabaseCalls,
  freshCast,
  inLocale,
  loadMaxisFirst,
  messageOf,
  privateText,
  run,
  runKeeping,
  submitModal,
  visibleText,
} from "./tickets-support";

loadMaxisFirst();

describe("staff", () => {
  it("see every member's tickets, note, assign, change status and priority, and get stats", async () => {
    const { memberA, memberB, staff, admin } = freshCast();
    await run(
      memberA,
      "/ticket create subject:A's problem description:From A category:billing priority:high",
    );
    await run(memberB, "/ticket create subject:B's problem description:From B priority:low");

    const list = messageOf(await run(staff, "/ticket list"));
    expect(list.embeds?.[0]?.title).toBe("Tickets in this server");
    expect(list.embeds?.[0]?.description).toContain(`<@${memberA.userId}>`);
    expect(list.embeds?.[0]?.description).toContain(`<@${memberB.userId}>`);
    const staffChoices = await autocomplete(staff, "/ticket view ticket:");
    expect(JSON.stringify(staffChoices)).toContain("#1 · A's problem");
    expect(JSON.stringify(staffChoices)).toContain("#2 · B's problem");

    expect(privateText(await run(staff, "/ticket-staff note ticket:1 message:Refund looks suspicious"))).toBe(
      "Internal note added to ticket **#1**. The member cannot see it.",
    );
    expect(privateText(await run(staff, "/ticket-staff assign ticket:1"))).toBe(
      `Ticket **#1** is now assigned to <@${staff.userId}>.`,
    );
    // Another staff member can be assigned once they have acted as staff here.
    await run(admin, "/ticket-staff note ticket:2 message:Looking");
    expect(privateText(await run(staff, `/ticket-staff assign ticket:2 member:${admin.userId}`))).toBe(
      `Ticket **#2** is now assigned to <@${admin.userId}>.`,
    );
    // A plain member cannot be made an assignee.
    expect(privateText(await run(staff, `/ticket-staff assign ticket:2 member:${memberB.userId}`))).toBe(
      "Only members holding a staff role that handles this ticket's category can be assigned.",
    );
    expect(privateText(await run(staff, "/ticket-staff status ticket:1 status:waiting_for_member"))).toBe(
      "Ticket **#1** is now: 🟡 Waiting for member.",
    );
    expect(privateText(await run(staff, "/ticket-staff priority ticket:1 priority:critical"))).toBe(
      "Ticket **#1** now has priority: 🔴 Critical.",
    );
    await run(staff, "/ticket reply ticket:1 message:We are checking your payment");

    const staffView = visibleText(await run(staff, "/ticket view ticket:1"));
    expect(staffView).toContain("🔒 **Internal note**");
    expect(staffView).toContain("Refund looks suspicious");
    expect(staffView).toContain(`<@${staff.userId}>`);
    expect(staffView).toContain("🔴 Critical");

    // A never sees the note: not in view, not in the transcript.
    const memberView = visibleText(await run(memberA, "/ticket view ticket:1"));
    expect(memberView).toContain("We are checking your payment");
    expect(memberView).not.toContain("Refund looks suspicious");
    expect(memberView).not.toContain("Internal note");
    const { interaction } = await runKeeping(memberA, "/ticket transcript ticket:1");
    const [memberTranscript] = await waitForDiscordRequests(interaction.token);
    expect(memberTranscript?.files[0]?.content).toContain("We are checking your payment");
    expect(memberTranscript?.files[0]?.content).not.toContain("Refund looks suspicious");
    expect(privateText(await run(memberA, "/ticket transcript ticket:1 notes:true"))).toBe(
      "Only the support team can do this.",
    );

    // Staff may include notes in theirs.
    const withNotes = await runKeeping(staff, "/ticket transcript ticket:1 notes:true");
    const [staffTranscript] = await waitForDiscordRequests(withNotes.interaction.token);
    expect(staffTranscript?.body).toMatchObject({
      content: "Transcript of ticket **#1** (2 messages, internal notes included).",
    });
    expect(staffTranscript?.files[0]?.content).toContain("**Internal note**");
    expect(staffTranscript?.files[0]?.content).toContain("> Refund looks suspicious");

    const stats = messageOf(await run(staff, "/ticket-staff stats period:7d")).embeds?.[0];
    expect(stats?.title).toBe("Support statistics · Last 7 days");
    expect(stats?.fields).toContainEqual({ name: "Tickets opened", value: "**2**" });
    expect(stats?.fields).toContainEqual({
      name: "By priority",
      value: "Critical: **1**\nHigh: **0**\nMedium: **0**\nLow: **1**",
      inline: true,
    });
    expect(stats?.fields?.find((f) => f.name === "Staff")?.value).toContain(
      `<@${staff.userId}>: assigned 1, closed 0`,
    );
    const statsFr = messageOf(await run(inLocale(staff, "fr"), "/ticket-staff stats")).embeds?.[0];
    expect(statsFr?.title).toBe("Statistiques du support · 30 derniers jours");
  });

  it("only staff may use the staff subcommands, refused before any database call", async () => {
    const { memberA } = freshCast("fr");
    await run(memberA, "/ticket create subject:Mine description:x");
    for (const line of [
      "/ticket-staff assign ticket:1",
      "/ticket-staff note ticket:1 message:sneaky",
      "/ticket-staff status ticket:1 status:closed",
      "/ticket-staff priority ticket:1 priority:critical",
      "/ticket-staff stats",
    ]) {
      let answer = "";
      const calls = await countSupabaseCalls(async () => {
        answer = privateText(await run(memberA, line));
      });
      expect(answer, line).toBe("Seule l'équipe de support peut faire cela.");
      expect(calls, line).toEqual([]);
    }
    const view = visibleText(await run(memberA, "/ticket view ticket:1"));
    expect(view).toContain("🟡 Moyenne");
    expect(view).not.toContain("sneaky");
  });

  it("each ticket command makes exactly one Supabase call", async () => {
    const { memberA, staff, guildId } = freshCast();
    const lines: [typeof memberA, string, string][] = [
      [memberA, "/ticket create subject:One call description:Only one", "ticket_create"],
      [memberA, "/ticket list", "ticket_list"],
      [memberA, "/ticket view ticket:1", "ticket_view"],
      [memberA, "/ticket reply ticket:1 message:hello", "ticket_reply"],
      [staff, "/ticket-staff note ticket:1 message:note", "ticket_note"],
      [staff, "/ticket-staff assign ticket:1", "ticket_assign"],
      [staff, "/ticket-staff status ticket:1 status:in_progress", "ticket_set_status"],
      [staff, "/ticket-staff priority ticket:1 priority:low", "ticket_set_priority"],
      [staff, "/ticket-staff stats", "ticket_stats"],
      [memberA, "/ticket close ticket:1", "ticket_close"],
      [memberA, "/ticket reopen ticket:1", "ticket_reopen"],
    ];
    for (const [actor, line, fn] of lines) {
      expect(await countSupabaseCalls(() => run(actor, line)), line).toEqual([fn]);
    }
    expect(await countSupabaseCalls(() => autocomplete(memberA, "/ticket view ticket:1"))).toEqual([
      "ticket_autocomplete",
    ]);
    const transcriptCalls = await countSupabaseCalls(async () => {
      const { interaction } = await runKeeping(memberA, "/ticket transcript ticket:1");
      await waitForDiscordRequests(interaction.token);
    });
    expect(transcriptCalls).toEqual(["ticket_transcript"]);

    // The buttons and the form are ticket actions too.
    expect(
      await countSupabaseCalls(() =>
        submitModal(memberA, "ticket-create:bug:low", { subject: "From the form", description: "Typed" }),
      ),
    ).toEqual(["ticket_create"]);
    expect(await countSupabaseCalls(() => click(memberA, `ticket-page:${guildId}:all:0:0`))).toEqual([
      "ticket_list",
    ]);
    expect(await countSupabaseCalls(() => click(staff, `ticket-staff:assign:${guildId}:2`))).toEqual([
      "ticket_assign",
    ]);
    expect(await countSupabaseCalls(() => click(staff, `ticket-staff:close:${guildId}:2`))).toEqual([
      "ticket_close",
    ]);
  });
});
