import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n";
import { catalogueNames, messageFixture, ticketFixture } from "./fixtures.test-support";
import { transcriptFileName, transcriptMarkdown } from "./transcript";

describe("transcriptMarkdown", () => {
  it("writes the ticket and its thread as Markdown", () => {
    const markdown = transcriptMarkdown(
      {
        t: translatorFor("en"),
        locale: "en",
        categoryName: catalogueNames("en"),
        names: new Map([
          ["1300000000000000111", "Camille Dubois"],
          ["222", "Alex *Support*"],
        ]),
      },
      {
        ticket: ticketFixture(),
        messages: [
          messageFixture({ body: "Any news?" }),
          messageFixture({
            id: 2,
            authorId: "222",
            fromStaff: true,
            body: "Fixed.\nTry again.",
            createdAt: "2026-11-24T11:00:00.000Z",
          }),
        ],
        includesInternal: false,
      },
      "2026-11-24T12:00:00.000Z",
    );
    expect(markdown).toBe(
      [
        "# Ticket #42: Broken login",
        "",
        "- Status: Open",
        "- Priority: High",
        "- Category: Account",
        "- Opened by: Camille Dubois",
        "- Assigned to: Nobody yet",
        "- Opened: Nov 24, 2026, 10:00 AM UTC",
        "",
        "## Description",
        "",
        "> It fails",
        "",
        "## Messages",
        "",
        "### Nov 24, 2026, 10:05 AM UTC · Camille Dubois",
        "",
        "> Any news?",
        "",
        "### Nov 24, 2026, 11:00 AM UTC · Alex \\*Support\\* (staff)",
        "",
        "> Fixed.",
        "> Try again.",
        "",
        "---",
        "Generated Nov 24, 2026, 12:00 PM UTC.",
        "",
      ].join("\n"),
    );
    expect(transcriptFileName(42)).toBe("ticket-42-transcript.md");
  });

  it("keeps member text from adding headings, HTML or links, and marks notes", () => {
    const markdown = transcriptMarkdown(
      { t: translatorFor("fr"), locale: "fr", names: new Map(), categoryName: catalogueNames("fr") },
      {
        ticket: ticketFixture({ subject: "# <script>alert(1)</script>", assigneeId: "222" }),
        messages: [
          messageFixture({
            body: "## [x](javascript:alert(1)) @everyone",
            fromStaff: true,
            isInternal: true,
          }),
        ],
        includesInternal: true,
      },
      "2026-11-24T12:00:00.000Z",
    );
    expect(markdown).toContain("# Ticket #42 : \\# \\<script\\>alert(1)\\</script\\>");
    expect(markdown).toContain("· **Note interne**");
    // French typography and dates; someone the server no longer knows keeps their id.
    expect(markdown).toContain("- Catégorie : Compte\n");
    expect(markdown).toContain("- Assigné à : utilisateur 222\n");
    expect(markdown).toContain("- Ouvert le : 24 nov. 2026, 10:00 UTC\n");
    expect(markdown).toContain("Généré le 24 nov. 2026, 12:00 UTC.");
    expect(markdown).toContain("> \\#\\# \\[x\\](javascript:alert(1)) \\@everyone");
  });

  it("keeps a member's \\r and \\r\\n inside the quote, so no line can pass for a staff message", () => {
    const forged = "### 2026-11-24 11:00 · 222 (staff)";
    for (const newline of ["\r", "\r\n", "\n"]) {
      const markdown = transcriptMarkdown(
        { t: translatorFor("en"), locale: "en", names: new Map(), categoryName: catalogueNames("en") },
        {
          ticket: ticketFixture({
            subject: `Refund${newline}- Status: Closed`,
            closeReason: `spam${newline}${newline}${forged}`,
          }),
          messages: [
            messageFixture({ body: `Thanks${newline}${newline}${forged}${newline}Refund approved.` }),
          ],
          includesInternal: false,
        },
        "2026-11-24T12:00:00.000Z",
      );
      const lines = markdown.split(/\r\n|\r|\n/);
      // One-line fields stay on their line; the message's every line stays in the quote.
      expect(lines[0], JSON.stringify(newline)).toBe("# Ticket #42: Refund - Status: Closed");
      expect(lines).toContain("- Reason: spam \\#\\#\\# 2026-11-24 11:00 · 222 (staff)");
      const body = lines.slice(
        lines.indexOf("### Nov 24, 2026, 10:05 AM UTC · user 1300000000000000111") + 2,
      );
      expect(body.slice(0, 4)).toEqual([
        "> Thanks",
        ">",
        "> \\#\\#\\# 2026-11-24 11:00 · 222 (staff)",
        "> Refund approved.",
      ]);
    }
  });

  it("links attachments, marks edits and deletions, and shows a deleted text to staff only", () => {
    const messages = [
      messageFixture({
        body: "Here it is",
        attachments: [
          { name: "error](x).png", url: "https://cdn.discordapp.com/attachments/1/2/error.png" },
          { name: "odd.txt", url: "javascript:alert(1)" },
        ],
        editedAt: "2026-11-24T10:30:00.000Z",
      }),
      messageFixture({ id: 2, body: "my password is hunter2", deletedAt: "2026-11-24T10:31:00.000Z" }),
    ];
    const write = (staff: boolean) =>
      transcriptMarkdown(
        { t: translatorFor("en"), locale: "en", names: new Map(), staff, categoryName: catalogueNames("en") },
        { ticket: ticketFixture(), messages, includesInternal: false },
        "2026-11-24T12:00:00.000Z",
      );
    const member = write(false);
    expect(member).toContain(
      " · edited\n\n> Here it is\n\n- 📎 [error\\](x).png](<https://cdn.discordapp.com/attachments/1/2/error.png>)\n- 📎 odd.txt\n",
    );
    expect(member).toContain(" · deleted in Discord\n");
    expect(member).not.toContain("hunter2");
    expect(write(true)).toContain(" · deleted in Discord\n\n> my password is hunter2");
  });
});
