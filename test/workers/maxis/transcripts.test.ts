/**
 * Transcripts as web pages (issue 12 §8), attacked: the member's signed link opens their own ticket
 * only, expires, and breaks when any part of it is changed; staff open it through their dashboard
 * session, with internal notes; what members typed is shown as text, never run.
 */
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { transcriptLinkPath } from "../../../src/maxis/tickets/transcript-link";
import { waitForDiscordRequests } from "../support/discord";
import { sessionFor } from "./api-support";
import { createdNumber, freshCast, homeCast, inLocale, run, runKeeping } from "./tickets-support";

interface LinkButton {
  style: number;
  label: string;
  url: string;
}

/** `/ticket transcript` as `actor`: the answer's text and its link button. */
async function askTranscript(actor: Actor, line: string) {
  const { interaction } = await runKeeping(actor, line);
  const [edit] = await waitForDiscordRequests(interaction.token);
  const body = edit?.body as { content: string; components?: { components: LinkButton[] }[] };
  return { content: body.content, button: body.components?.[0]?.components[0], file: edit?.files[0] };
}

const open = (url: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(url.replace(/^https:\/\/maxis\.test/, "https://maxis.test"), { headers });

const HOSTILE = `<script>alert(1)</script> **bold** [click](javascript:alert(2)) <img src=x onerror=alert(3)>`;

async function ticketWithConversation() {
  const cast = freshCast();
  await run(cast.memberA, "/ticket create subject:Refund <b>now</b> description:Charged **twice**");
  await run(cast.memberA, `/ticket reply ticket:1 message:${HOSTILE}`);
  await run(cast.staff, "/ticket-staff note ticket:1 message:Refund looks suspicious");
  await run(cast.staff, "/ticket reply ticket:1 message:See https://example.com/help?a=1&b=2 for `details`");
  return cast;
}

describe("a member's transcript link", { timeout: 30_000 }, () => {
  it("opens their ticket as a page: names, times, Markdown as text, no notes, a strict policy", async () => {
    const cast = await ticketWithConversation();
    const { content, button } = await askTranscript(cast.memberA, "/ticket transcript ticket:1");
    expect(content).toMatch(
      /^Transcript of ticket \*\*#1\*\* \(2 messages\)\.\nThe button opens it in your browser: the link is yours alone and works until <t:\d+:f>\.$/,
    );
    expect(button).toMatchObject({ style: 5, label: "Open the transcript" });
    expect(button?.url).toMatch(
      new RegExp(
        `^https://maxis\\.test/transcripts/${cast.guildId}/1\\?member=${cast.memberA.userId}&expires=\\d+&sig=[\\w-]{43}$`,
      ),
    );

    const res = await open(button?.url ?? "");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    const html = await res.text();
    expect(html).toContain("<title>Ticket #1: Refund &lt;b&gt;now&lt;/b&gt;</title>");
    // What the member typed is text: no script, no element, no javascript: link; Markdown is rendered.
    expect(html).not.toMatch(/<script|<img src=x|href="javascript/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; <strong>bold</strong>");
    expect(html).toContain("&lt;img src=x onerror=alert(3)&gt;");
    expect(html).toContain(
      '<a href="https://example.com/help?a=1&amp;b=2" rel="noopener noreferrer nofollow" target="_blank">',
    );
    expect(html).toContain("<code>details</code>");
    expect(html).toContain("<strong>twice</strong>");
    // Internal notes never reach the member.
    expect(html).not.toContain("Refund looks suspicious");
    // The same page as a file.
    const file = await open(`${button?.url}&download=1`);
    expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="ticket-1-transcript.html"');
    expect(await file.text()).toContain('<meta http-equiv="Content-Security-Policy"');
  });

  it("speaks the reader's language", async () => {
    const cast = await ticketWithConversation();
    const { content, button } = await askTranscript(
      inLocale(cast.memberA, "fr"),
      "/ticket transcript ticket:1",
    );
    expect(content).toContain(
      "Le bouton l'ouvre dans votre navigateur : le lien n'est valable que pour vous",
    );
    expect(button?.label).toBe("Ouvrir la transcription");
    const html = await (await open(button?.url ?? "", { "Accept-Language": "fr-FR,fr;q=0.9" })).text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("<dt>Statut</dt>");
  });

  it("is refused when altered, expired, for another server or for another member's ticket", async () => {
    const cast = await ticketWithConversation();
    await run(cast.memberB, "/ticket create subject:Mine description:Bs own ticket");
    const { button } = await askTranscript(cast.memberA, "/ticket transcript ticket:1");
    const url = new URL(button?.url ?? "");
    const sig = url.searchParams.get("sig") ?? "";
    const variant = (change: (u: URL) => void) => {
      const copy = new URL(url);
      change(copy);
      return copy.toString();
    };
    const secret = env.TRANSCRIPT_LINK_SECRET;
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, string, number][] = [
      [
        "a changed signature",
        variant((u) => u.searchParams.set("sig", `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`)),
        403,
      ],
      ["another member named", variant((u) => u.searchParams.set("member", cast.memberB.userId)), 403],
      ["a later expiry", variant((u) => u.searchParams.set("expires", String(now + 999_999))), 403],
      ["another ticket number", variant((u) => (u.pathname = `/transcripts/${cast.guildId}/2`)), 403],
      ["another server", variant((u) => (u.pathname = `/transcripts/1300000000000000010/1`)), 403],
      ["no signature", variant((u) => u.searchParams.delete("sig")), 403],
      [
        "a genuine link that has expired",
        `https://maxis.test${await transcriptLinkPath(secret, { guildId: cast.guildId, number: 1, memberId: cast.memberA.userId, expires: now - 1 })}`,
        410,
      ],
      [
        "a genuine link for B, to A's ticket",
        `https://maxis.test${await transcriptLinkPath(secret, { guildId: cast.guildId, number: 1, memberId: cast.memberB.userId, expires: now + 600 })}`,
        404,
      ],
      [
        "a genuine link for A, in a server where #1 is someone else's",
        `https://maxis.test${await transcriptLinkPath(secret, { guildId: freshCast().guildId, number: 1, memberId: cast.memberA.userId, expires: now + 600 })}`,
        404,
      ],
    ];
    for (const [what, link, status] of cases) {
      const res = await open(link);
      const html = await res.text();
      expect([what, res.status]).toEqual([what, status]);
      expect(html).not.toContain("Charged");
      expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    }
    // B's genuine link opens B's own ticket.
    const own = await open(
      `https://maxis.test${await transcriptLinkPath(secret, { guildId: cast.guildId, number: 2, memberId: cast.memberB.userId, expires: now + 600 })}`,
    );
    expect(await own.text()).toContain("Bs own ticket");
  });
});

const asStaff = (path: string, token?: string) =>
  exports.default.fetch(`https://maxis.test/api/v1${path}`, {
    headers: token ? { Cookie: `maxis_session=${token}` } : {},
  });

describe("the staff's transcript", { timeout: 30_000 }, () => {
  it("opens through the dashboard session, with internal notes when asked, and never without one", async () => {
    const cast = await ticketWithConversation();
    const token = await sessionFor(cast.staff);
    const withNotes = await asStaff("/tickets/1/transcript?notes=true", token);
    expect(withNotes.status).toBe(200);
    expect(withNotes.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const html = await withNotes.text();
    expect(html).toContain("Refund looks suspicious");
    expect(html).toContain("Internal notes are included");
    // The download link keeps the choice of notes.
    expect(html).toContain('href="/api/v1/tickets/1/transcript?notes=true&amp;download=1" download');
    expect(await (await asStaff("/tickets/1/transcript", token)).text()).not.toContain(
      "Refund looks suspicious",
    );
    // No session, a member's session, or staff of another server (where there is no #1): nothing.
    const none = await asStaff("/tickets/1/transcript");
    expect(none.status).toBe(401);
    expect(await none.text()).not.toContain("Charged");
    const other = freshCast();
    const elsewhere = await asStaff("/tickets/1/transcript", await sessionFor(other.staff));
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.text()).not.toContain("Charged");
  });

  it("is offered to staff in Discord as the ticket on the dashboard, not as a member's link", async () => {
    const home = homeCast();
    const number = createdNumber(
      await run(home.memberA, "/ticket create subject:Home description:On the dashboard"),
    );
    const staff = await askTranscript(home.staff, `/ticket transcript ticket:${number}`);
    expect(staff.button).toEqual({
      type: 2,
      style: 5,
      label: "Open on the dashboard",
      url: `https://dashboard.test/#/tickets/${number}`,
    });
    expect(staff.content).not.toContain("yours alone");
    // Staff of a server the dashboard does not serve get the file, and no link at all.
    const cast = await ticketWithConversation();
    expect((await askTranscript(cast.staff, "/ticket transcript ticket:1")).button).toBeUndefined();
  });
});
