/**
 * Transcript pages. Two ways in, one renderer:
 *  - `GET /transcripts/:server/:number?member&expires&sig`: the member's signed, expiring link
 *    (tickets/transcript-link.ts). The ticket is read as that member, under row-level security: no
 *    internal notes, and nothing but their own ticket.
 *  - `GET /api/v1/tickets/:number/transcript[?notes=true]`: staff, through their dashboard session
 *    (mounted in the API, behind its session check), notes included when asked.
 * `&download=1` answers the same page as a file. Every answer is private, uncached, never framed,
 * and runs no script (page.ts's Content-Security-Policy).
 */
import type { Context } from "hono";
import { Hono } from "hono";
import { acceptLanguageLocale, type Locale, type MessageKey, translatorFor } from "../../shared/i18n";
import { lookUpPeople } from "../people/directory";
import type { RpcClient } from "../supabase/client";
import { supabaseAs } from "../supabase/client";
import { categoryNamesOf } from "../tickets/category-names";
import { categoryNamer } from "../tickets/render/labels";
import { ticketTranscript } from "../tickets/rpc";
import { checkTranscriptLink } from "../tickets/transcript-link";
import { type TranscriptPerson, transcriptCsp, transcriptErrorPage, transcriptPage } from "./page";

const transcriptFileName = (number: number) => `ticket-${number}-transcript.html`;

function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

function htmlResponse(html: string, status: number, nonce: string, fileName?: string): Response {
  const headers = new Headers({
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": transcriptCsp(nonce),
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "X-Robots-Tag": "noindex",
  });
  if (fileName) headers.set("Content-Disposition", `attachment; filename="${fileName}"`);
  return new Response(html, { status, headers });
}

function errorPage(locale: Locale, status: number, key: MessageKey): Response {
  const nonce = newNonce();
  const t = translatorFor(locale);
  return htmlResponse(transcriptErrorPage(t, locale, t(key), nonce), status, nonce);
}

export interface TranscriptRequest {
  env: MaxisEnv;
  locale: Locale;
  client: RpcClient;
  guildId: string;
  number: number;
  withNotes: boolean;
  reader: "member" | "staff";
  download: boolean;
  /** The same page as a file (this URL with `download=1`). */
  downloadHref: string;
  waitUntil(promise: Promise<unknown>): void;
}

/** Reads the transcript as the client's identity and answers it as a page or a file. */
export async function answerTranscript(request: TranscriptRequest): Promise<Response> {
  const { env, locale, client, guildId, number } = request;
  // The server's category labels (its cached settings), read beside the transcript rather than after
  // it; without them the page still answers, naming a category the server added by its key.
  const categoryNames = categoryNamesOf(env, guildId, locale).catch((error: unknown) => {
    console.error(`transcript of #${number}: the server's categories could not be read`, error);
    return categoryNamer(locale, []);
  });
  const result = await ticketTranscript(client, number, request.withNotes);
  if (!result.ok) {
    return errorPage(locale, result.error.code === "staff_only" ? 403 : 404, "transcript.error.not_found");
  }
  const transcript = result.value;
  const ids = [
    transcript.ticket.ownerId,
    transcript.ticket.assigneeId,
    ...transcript.messages.map((m) => m.authorId),
    // People mentioned in messages are shown by name too.
    ...transcript.messages.flatMap((m) =>
      [...m.body.matchAll(/<@!?(\d{1,20})>/g)].map((x) => x[1] as string),
    ),
  ].filter((id): id is string => Boolean(id));
  const people = new Map<string, TranscriptPerson>();
  const unique = [...new Set(ids)].slice(0, 100);
  for (const person of await lookUpPeople({ env, guildId, ids: unique, waitUntil: request.waitUntil })) {
    people.set(person.id, { name: person.name, avatarUrl: person.avatarUrl });
  }
  const nonce = newNonce();
  const html = transcriptPage({
    t: translatorFor(locale),
    locale,
    transcript,
    categoryName: await categoryNames,
    people,
    generatedAt: new Date().toISOString(),
    nonce,
    reader: request.reader,
    downloadHref: request.download ? null : request.downloadHref,
  });
  return htmlResponse(html, 200, nonce, request.download ? transcriptFileName(number) : undefined);
}

const withDownload = (url: URL) => {
  const copy = new URL(url);
  copy.searchParams.set("download", "1");
  return `${copy.pathname}${copy.search}`;
};

/** The member's signed link. */
export const transcriptRoutes = new Hono<{ Bindings: MaxisEnv }>();

transcriptRoutes.get("/:guild/:number", async (c: Context<{ Bindings: MaxisEnv }>) => {
  const locale = acceptLanguageLocale(c.req.header("Accept-Language"));
  const secret = c.env.TRANSCRIPT_LINK_SECRET;
  if (!secret) return errorPage(locale, 404, "transcript.error.off");
  const check = await checkTranscriptLink(
    secret,
    {
      guildId: c.req.param("guild") ?? "",
      number: c.req.param("number") ?? "",
      member: c.req.query("member"),
      expires: c.req.query("expires"),
      sig: c.req.query("sig"),
    },
    Math.floor(Date.now() / 1000),
  );
  if (!check.ok) {
    return check.error === "expired"
      ? errorPage(locale, 410, "transcript.error.expired")
      : errorPage(locale, 403, "transcript.error.invalid");
  }
  const grant = check.value;
  const client = await supabaseAs(c.env, {
    userId: grant.memberId,
    appRole: "member",
    guildId: grant.guildId,
    roleIds: [],
  });
  return answerTranscript({
    env: c.env,
    locale,
    client,
    guildId: grant.guildId,
    number: grant.number,
    withNotes: false,
    reader: "member",
    download: c.req.query("download") === "1",
    downloadHref: withDownload(new URL(c.req.url)),
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
  });
});

export { withDownload };
