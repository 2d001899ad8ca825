/**
 * /ticket end to end, as members would use it: Discord → Maxis (signed interactions) → Supabase (the
 * real SQL functions under RLS) → the answer; one member never reaches another's ticket. One fresh
 * server per test.
 */
import { InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import { LOCAL_MEMBER_ID, LOCAL_STAFF_ID, LOCAL_STAFF_ROLE_ID } from "../../../scripts/lib/local-identities";
import { waitForDiscordRequests } from "../support/discord";
import {
  autocomplete,
  buttonsOf,
  click,
  freshCast,
  loadMaxisFirst,
  messageOf,
  privateText,
  run,
  runKeeping,
  visibleText,
} from "./tickets-support";

loadMaxisFirst();

describe("a member's ticket, from creation to reopening", () => {
  it("works in English", async () => {
    const { memberA } = freshCast("en-US");
    const created = await run(
      memberA,
      "/ticket create subject:Broken login description:It fails category:account priority:high",
    );
    expect(privateText(created)).toBe(
      "Ticket **#1** is open: **Broken login**\nThe team will answer here; follow it with `/ticket view ticket:1`.",
    );

    const list = messageOf(await run(memberA, "/ticket list"));
    expect(list.embeds?.[0]?.title).toBe("Your tickets");
    expect(list.embeds?.[0]?.description).toMatch(
      /^`#1` \*\*Broken login\*\*\n🟢 Open · 🟠 High · <t:\d+:R>$/,
    );

    const view = messageOf(await run(memberA, "/ticket view ticket:#1"));
    expect(view.embeds?.[0]).toMatchObject({ title: "#1 · Broken login", description: "It fails" });
    expect(view.embeds?.[0]?.fields).toContainEqual({ name: "Category", value: "👤 Account", inline: true });
    expect(view.embeds?.[1]).toEqual({ title: "Conversation", description: "No replies yet." });

    expect(privateText(await run(memberA, "/ticket reply ticket:1 message:Any news?"))).toBe(
      "Your reply was added to ticket **#1**.",
    );
    const thread = messageOf(await run(memberA, "/ticket view ticket:1")).embeds?.[1]?.description;
    expect(thread).toMatch(new RegExp(`^\\*\\*<@${memberA.userId}>\\*\\* · <t:\\d+:R>\\nAny news\\?$`));

    expect(privateText(await run(memberA, "/ticket close ticket:1 reason:Solved myself"))).toBe(
      "Ticket **#1** is closed.",
    );
    const closed = visibleText(await run(memberA, "/ticket view ticket:1"));
    expect(closed).toContain("⚫ Closed");
    expect(closed).toContain("Solved myself");
    expect(privateText(await run(memberA, "/ticket reply ticket:1 message:Wait"))).toBe(
      "Ticket #1 is closed. Reopen it first.",
    );

    expect(privateText(await run(memberA, "/ticket reopen ticket:1"))).toBe("Ticket **#1** is open again.");
    expect(visibleText(await run(memberA, "/ticket view ticket:1"))).toContain("🟢 Open");
  });

  it("works in French", async () => {
    const { memberA } = freshCast("fr");
    expect(
      privateText(
        await run(memberA, "/ticket create subject:Paiement refusé description:La carte est refusée"),
      ),
    ).toBe(
      "Le ticket **#1** est ouvert : **Paiement refusé**\nL'équipe vous répondra ici ; suivez-le avec `/ticket voir ticket:1`.",
    );
    const list = messageOf(await run(memberA, "/ticket list status:open"));
    expect(list.embeds?.[0]?.title).toBe("Vos tickets");
    expect(list.embeds?.[0]?.description).toContain("🟢 Ouvert · 🟡 Moyenne");
    expect(list.embeds?.[0]?.footer?.text).toBe("Page 1/1 · 1 ticket");

    const view = messageOf(await run(memberA, "/ticket view ticket:1"));
    expect(view.embeds?.[0]?.fields).toContainEqual({ name: "Catégorie", value: "💬 Général", inline: true });
    expect(view.embeds?.[1]).toEqual({
      title: "Conversation",
      description: "Aucune réponse pour l'instant.",
    });

    expect(privateText(await run(memberA, "/ticket reply ticket:1 message:Des nouvelles ?"))).toBe(
      "Votre réponse a été ajoutée au ticket **#1**.",
    );
    expect(privateText(await run(memberA, "/ticket close ticket:1"))).toBe("Le ticket **#1** est fermé.");
    expect(privateText(await run(memberA, "/ticket close ticket:1"))).toBe("Le ticket #1 est déjà fermé.");
    expect(privateText(await run(memberA, "/ticket reopen ticket:1"))).toBe(
      "Le ticket **#1** est de nouveau ouvert.",
    );
    expect(privateText(await run(memberA, "/ticket reopen ticket:1"))).toBe("Le ticket #1 n'est pas fermé.");
  });

  it("gives the member a Markdown transcript of their own ticket", async () => {
    const { memberA } = freshCast();
    await run(memberA, "/ticket create subject:Export description:Please export my data");
    await run(memberA, "/ticket reply ticket:1 message:Thanks");
    const { interaction, response } = await runKeeping(memberA, "/ticket transcript ticket:1");
    expect(response.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const [edit] = await waitForDiscordRequests(interaction.token);
    expect(edit).toMatchObject({
      method: "PATCH",
      path: `/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`,
      body: {
        content: expect.stringMatching(/^Transcript of ticket \*\*#1\*\* \(1 message\)\.\n/),
        allowed_mentions: { parse: [] },
        attachments: [{ id: 0, filename: "ticket-1-transcript.md" }],
      },
    });
    expect(edit?.files).toHaveLength(1);
    expect(edit?.files[0]?.name).toBe("ticket-1-transcript.md");
    expect(edit?.files[0]?.content).toContain("# Ticket #1: Export");
    expect(edit?.files[0]?.content).toContain("> Please export my data");
    // The member's name as Discord gave it in the interaction, not their id.
    expect(edit?.files[0]?.content).toContain(`· user${memberA.userId.slice(-4)}\n\n> Thanks`);
    expect(edit?.files[0]?.content).not.toContain(memberA.userId);
  });

  it("names staff in a transcript as the server knows them, with times in the reader's language", async () => {
    const guildId = freshCast().guildId;
    // The Discord stand-in knows the seeded people in this server: Alex Martin is staff.
    await fetch(`${inject("discordLocalUrl")}/__local/guilds`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: guildId }),
    });
    const member = { userId: LOCAL_MEMBER_ID, guildId, locale: "fr" };
    const staff = { userId: LOCAL_STAFF_ID, guildId, roles: [LOCAL_STAFF_ROLE_ID] };
    await run(member, "/ticket create subject:Export description:Exportez mes données");
    await run(staff, "/ticket reply ticket:1 message:C'est fait");
    const { interaction } = await runKeeping(member, "/ticket transcript ticket:1");
    const [edit] = await waitForDiscordRequests(interaction.token);
    const file = edit?.files[0]?.content ?? "";
    expect(edit?.body).toMatchObject({
      content: expect.stringMatching(/^Transcription du ticket \*\*#1\*\* \(1 message\)\.\n/),
    });
    expect(file).toContain("- Ouvert par : Camille Dubois\n");
    expect(file).toMatch(
      /### \d{1,2} [a-zéû.]+ \d{4}, \d{2}:\d{2} UTC · Alex Martin \(équipe\)\n\n> C'est fait/,
    );
    expect(file).toMatch(/Généré le \d{1,2} [a-zéû.]+ \d{4}, \d{2}:\d{2} UTC\./);
    expect(file).not.toContain(LOCAL_STAFF_ID);
  });

  it("pages the list with buttons that re-read the list as whoever clicks", async () => {
    const { memberA, memberB, guildId } = freshCast();
    for (let i = 1; i <= 10; i++) {
      await run(memberA, `/ticket create subject:Ticket ${i} description:Body ${i}`);
      await run(memberA, `/ticket close ticket:${i}`);
    }
    for (let i = 11; i <= 15; i++)
      await run(memberA, `/ticket create subject:Ticket ${i} description:Body ${i}`);
    // At most 5 open tickets: the 16th is refused, and nothing is written.
    expect(privateText(await run(memberA, "/ticket create subject:One more description:Too many"))).toBe(
      "You already have 5 open tickets. Close one before opening another.",
    );
    await run(memberB, "/ticket create subject:Not yours description:B's");

    const first = messageOf(await run(memberA, "/ticket list"));
    expect(first.embeds?.[0]?.footer?.text).toBe("Page 1/2 · 15 tickets");
    const next = buttonsOf(first)[1]?.custom_id ?? "";
    expect(next).toBe(`ticket-page:${guildId}:all:0:10`);
    const second = await click(memberA, next);
    expect(second.type).toBe(InteractionResponseType.UpdateMessage);
    expect(messageOf(second).embeds?.[0]?.footer?.text).toBe("Page 2/2 · 15 tickets");
    // The same button, clicked by B, shows B's tickets only.
    const asB = messageOf(await click(memberB, `ticket-page:${guildId}:all:0:0`));
    expect(asB.embeds?.[0]?.description).toContain("Not yours");
    expect(asB.embeds?.[0]?.footer?.text).toBe("Page 1/1 · 1 ticket");

    // A Next button left pointing past the end (a ticket left the filter since) shows the last page.
    await run(memberA, "/ticket close ticket:11");
    const closed = messageOf(await run(memberA, "/ticket list status:closed"));
    expect(closed.embeds?.[0]?.footer?.text).toBe("Page 1/2 · 11 tickets");
    await run(memberA, "/ticket reopen ticket:11");
    const stale = messageOf(await click(memberA, buttonsOf(closed)[1]?.custom_id ?? ""));
    expect(stale.embeds?.[0]?.footer?.text).toBe("Page 1/1 · 10 tickets");
    expect(stale.embeds?.[0]?.description).toContain("Ticket 10");
  });
});

describe("member B and member A's ticket", () => {
  it("is answered exactly like a ticket that does not exist", async () => {
    const { memberA, memberB } = freshCast();
    await run(memberA, "/ticket create subject:Secret description:Only A may see this");
    const notFound = "Ticket #1 was not found.";
    const missing = "Ticket #99 was not found.";
    expect(privateText(await run(memberB, "/ticket view ticket:1"))).toBe(notFound);
    expect(privateText(await run(memberB, "/ticket view ticket:99"))).toBe(missing);
    expect(privateText(await run(memberB, "/ticket reply ticket:1 message:hi"))).toBe(notFound);
    expect(privateText(await run(memberB, "/ticket close ticket:1"))).toBe(notFound);
    expect(privateText(await run(memberB, "/ticket reopen ticket:1"))).toBe(notFound);

    const { interaction } = await runKeeping(memberB, "/ticket transcript ticket:1");
    const [edit] = await waitForDiscordRequests(interaction.token);
    expect(edit?.body).toMatchObject({ content: notFound });
    expect(edit?.files).toEqual([]);

    const suggestions = await autocomplete(memberB, "/ticket view ticket:");
    expect(suggestions).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
    const list = messageOf(await run(memberB, "/ticket list"));
    expect(list.embeds?.[0]?.description).toBe("No tickets here.");

    // A's ticket is untouched by all of that.
    const view = visibleText(await run(memberA, "/ticket view ticket:1"));
    expect(view).toContain("🟢 Open");
    expect(view).toContain("No replies yet.");
  });

  it("autocompletes only the caller's own tickets, by number or subject", async () => {
    const { memberA, memberB } = freshCast();
    await run(memberA, "/ticket create subject:Login broken description:x");
    await run(memberB, "/ticket create subject:Billing question description:y");
    await run(memberA, "/ticket create subject:Login again description:z");
    const choices = (response: Awaited<ReturnType<typeof autocomplete>>) =>
      response.type === InteractionResponseType.ApplicationCommandAutocompleteResult
        ? response.data.choices
        : [];
    expect(choices(await autocomplete(memberA, "/ticket view ticket:"))).toEqual([
      { name: "#3 · Login again (Open)", value: "3" },
      { name: "#1 · Login broken (Open)", value: "1" },
    ]);
    expect(choices(await autocomplete(memberA, "/ticket view ticket:bill"))).toEqual([]);
    expect(choices(await autocomplete(memberB, "/ticket close ticket:#2"))).toEqual([
      { name: "#2 · Billing question (Open)", value: "2" },
    ]);
  });
});
