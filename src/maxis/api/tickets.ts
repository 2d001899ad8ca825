/**
 * `/api/v1/tickets…` and `/api/v1/stats` for the staff dashboard. Each route checks its input, then
 * makes exactly one ticket-function call as the staff member the session names (RLS applies as for
 * their Discord interactions), and answers the function's JSON or its refusal as an API error.
 */
import { Hono } from "hono";
import { cutAt } from "../../shared/markdown";
import { err } from "../../shared/result";
import { afterTicketChange, type Notifier } from "../tickets/notify";
import {
  addInternalNote,
  assignTicket,
  closeTicket,
  listTickets,
  replyToTicket,
  setTicketPriority,
  setTicketStatus,
  ticketStats,
  viewTicket,
} from "../tickets/rpc";
import { closedNotice, statusNotice } from "../tickets/status-notices";
import { answerTranscript, withDownload } from "../transcripts/routes";
import type { ApiContext, ApiEnv } from "./context";
import { respond, ticketError } from "./errors";
import {
  assignBody,
  closeBody,
  listQuery,
  noteBody,
  priorityBody,
  replyBody,
  statusBody,
  ticketNumberParam,
} from "./schemas";
import { clientOf } from "./session-client";
import { type Checked, check, jsonBody } from "./validate";

/**
 * After a dashboard action: DMs to members (in the language stored on the ticket for its owner) and
 * the ticket's staff-channel post redrawn (in the language stored with the post).
 */
const notifierOf = (c: ApiContext): Notifier => ({
  env: c.env,
  waitUntil: (promise) => c.executionCtx.waitUntil(promise),
});

/**
 * `:number` as a ticket number, or the 400 to answer, quoting what was sent (as Discord's answer
 * does): its first 20 UTF-16 units, never half an emoji.
 */
export function ticketNumber(c: ApiContext): Checked<number> {
  const raw = c.req.param("number") ?? "";
  const checked = check(c, ticketNumberParam, raw);
  if (checked.ok) return checked;
  return err(ticketError(c, "invalid_ticket_number", cutAt(raw, 20)));
}

export const ticketRoutes = new Hono<ApiEnv>();

/** ?status&category&priority&assignee=<id>|none&mine=true&search=<in subject>&sort=number|due&limit&offset */
ticketRoutes.get("/tickets", async (c) => {
  const query = check(c, listQuery, c.req.query());
  if (!query.ok) return query.error;
  const { assignee, ...filters } = query.value;
  return respond(
    c,
    await listTickets(await clientOf(c), { ...filters, ...(assignee ? { assigneeId: assignee } : {}) }),
  );
});

/** The ticket, its whole thread (notes included: staff only here) and its audit history. */
ticketRoutes.get("/tickets/:number", async (c) => {
  const number = ticketNumber(c);
  if (!number.ok) return number.error;
  return respond(c, await viewTicket(await clientOf(c), number.value), number.value);
});

/**
 * The ticket's transcript as a web page (or `download=1`: as a file), internal notes with `notes=true`.
 * Opened by the dashboard's Transcript link: a top-level page of Maxis, carried by the session cookie.
 */
ticketRoutes.get("/tickets/:number/transcript", async (c) => {
  const number = ticketNumber(c);
  if (!number.ok) return number.error;
  return answerTranscript({
    env: c.env,
    locale: c.var.locale,
    client: await clientOf(c),
    guildId: c.var.session.guild_id,
    number: number.value,
    withNotes: c.req.query("notes") === "true",
    reader: "staff",
    download: c.req.query("download") === "1",
    downloadHref: withDownload(new URL(c.req.url)),
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
  });
});

ticketRoutes.post("/tickets/:number/replies", async (c) => {
  const number = ticketNumber(c);
  if (!number.ok) return number.error;
  const body = await jsonBody(c, replyBody);
  if (!body.ok) return body.error;
  const result = await replyToTicket(await clientOf(c), number.value, body.value);
  if (result.ok) {
    const { ticket, message } = result.value;
    afterTicketChange(notifierOf(c), ticket, {
      dm: { kind: "reply", actorId: c.var.session.sub, message },
      thread: { kind: "said", message },
    });
  }
  return respond(c, result, number.value, 201);
});

ticketRoutes.post("/tickets/:number/notes", async (c) => {
  const number = ticketNumber(c);
  if (!number.ok) return number.error;
  const body = await jsonBody(c, noteBody);
  if (!body.ok) return body.error;
  return respond(
    c,
    await addInternalNote(await clientOf(c), number.value, body.value.body),
    number.value,
    201,
  );
});

for (const method of ["put", "patch"] as const) {
  ticketRoutes[method]("/tickets/:number/assignee", async (c) => {
    const number = ticketNumber(c);
    if (!number.ok) return number.error;
    const body = await jsonBody(c, assignBody);
    if (!body.ok) return body.error;
    const result = await assignTicket(await clientOf(c), number.value, body.value.assigneeId);
    if (result.ok) afterTicketChange(notifierOf(c), result.value);
    return respond(c, result, number.value);
  });

  ticketRoutes[method]("/tickets/:number/status", async (c) => {
    const number = ticketNumber(c);
    if (!number.ok) return number.error;
    const body = await jsonBody(c, statusBody);
    if (!body.ok) return body.error;
    const result = await setTicketStatus(await clientOf(c), number.value, body.value.status);
    if (!result.ok) return respond(c, result, number.value);
    afterTicketChange(notifierOf(c), result.value.ticket, statusNotice(result.value, c.var.session.sub));
    return c.json(result.value.ticket);
  });

  ticketRoutes[method]("/tickets/:number/priority", async (c) => {
    const number = ticketNumber(c);
    if (!number.ok) return number.error;
    const body = await jsonBody(c, priorityBody);
    if (!body.ok) return body.error;
    const result = await setTicketPriority(await clientOf(c), number.value, body.value.priority);
    if (result.ok) afterTicketChange(notifierOf(c), result.value);
    return respond(c, result, number.value);
  });
}

ticketRoutes.post("/tickets/:number/close", async (c) => {
  const number = ticketNumber(c);
  if (!number.ok) return number.error;
  const body = await jsonBody(c, closeBody);
  if (!body.ok) return body.error;
  const result = await closeTicket(await clientOf(c), number.value, body.value.reason || undefined);
  if (result.ok) {
    afterTicketChange(notifierOf(c), result.value, closedNotice(c.var.session.sub));
  }
  return respond(c, result, number.value);
});

/** Counts and response times over 7 days, 30 days and all time, per agent too. */
ticketRoutes.get("/stats", async (c) => respond(c, await ticketStats(await clientOf(c))));
