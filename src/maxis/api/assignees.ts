/**
 * GET /api/v1/tickets/:number/assignees?q=<name>: everyone the staff member may give that ticket to,
 * with names and avatars for the dashboard's assignee picker. Discord says who holds the server's
 * staff roles and who is an admin (../people/staff-directory.ts, cached a few minutes and recorded in
 * Postgres); Postgres, as the staff member (RLS and the ticket's category), says which of them may
 * take this ticket (ticket_assignee_pool, the rule ticket_assign applies).
 */
import { Hono } from "hono";
import * as v from "valibot";
import {
  type AssigneeList,
  type AssigneeListGap,
  MAX_ASSIGNEE_QUERY,
  type Person,
} from "../../shared/contracts/people";
import { DiscordApiError } from "../../shared/discord/rest";
import { nameMatches } from "../../shared/name-search";
import { lookUpPeople } from "../people/directory";
import { type StaffDirectory, searchStaff, staffDirectory } from "../people/staff-directory";
import { serverSettings } from "../servers/settings-store";
import { ticketAssigneePool } from "../tickets/rpc";
import type { ApiEnv } from "./context";
import { respond } from "./errors";
import { clientOf } from "./session-client";
import { ticketNumber } from "./tickets";
import { check } from "./validate";

const assigneesQuery = v.strictObject({
  q: v.exactOptional(v.pipe(v.string(), v.trim(), v.maxLength(MAX_ASSIGNEE_QUERY, "search_too_long"))),
});

/** People the pool names whom Discord's list did not (they acted as staff before): named one by one. */
const MAX_NAMED_APART = 25;

/**
 * Discord answers 403 Missing Access to the member list when the application lacks the Server
 * Members intent (the bot's own access to the server is what the other reads already proved).
 */
const memberListRefusal = (error: unknown): AssigneeListGap =>
  error instanceof DiscordApiError && error.status === 403 && /\/members(?:\?|$)/.test(error.path)
    ? "members_intent"
    : "discord_unavailable";

export const assigneeRoutes = new Hono<ApiEnv>();

assigneeRoutes.get("/tickets/:number/assignees", async (c) => {
  const number = ticketNumber(c);
  if (!number.ok) return number.error;
  const query = check(c, assigneesQuery, c.req.query());
  if (!query.ok) return query.error;
  const q = query.value.q ?? "";
  const guildId = c.var.session.guild_id;
  const waitUntil = (promise: Promise<unknown>) => c.executionCtx.waitUntil(promise);

  const settings = await serverSettings(c.env, guildId);
  const staffRoleIds = [
    ...settings.staffRoleIds,
    ...settings.categories.flatMap((k) => k.staffRoleIds ?? []),
  ];
  // Discord refused or unreachable: the people Postgres already knows are still listed (by the name
  // it kept), and the picker says why the others are missing.
  const directory: StaffDirectory & { gap?: AssigneeListGap } = await staffDirectory(
    c.env,
    guildId,
    staffRoleIds,
    waitUntil,
  ).catch((error: unknown) => {
    console.warn("assignees: reading the member list failed", { guildId, error: String(error) });
    return { members: [], complete: false, gap: memberListRefusal(error) };
  });
  const found = new Map<string, Person>(directory.members.map((m) => [m.id, m]));
  if (q && !directory.complete) {
    const searched = await searchStaff(c.env, guildId, staffRoleIds, q, waitUntil).catch(() => []);
    for (const m of searched) found.set(m.id, m);
  }

  const pool = await ticketAssigneePool(await clientOf(c), number.value);
  if (!pool.ok) return respond(c, pool, number.value);
  const unnamed = pool.value.filter((p) => !found.has(p.id) && p.name === null).slice(0, MAX_NAMED_APART);
  if (unnamed.length > 0) {
    const ids = unnamed.map((p) => p.id);
    for (const person of await lookUpPeople({ env: c.env, guildId, ids, waitUntil }))
      found.set(person.id, person);
  }
  const assignees = pool.value
    .map((p): Person => found.get(p.id) ?? { id: p.id, name: p.name, avatarUrl: null })
    .filter((p) => nameMatches(p.name, q))
    .map(({ id, name, avatarUrl }) => ({ id, name, avatarUrl }));
  const answer: AssigneeList = {
    assignees,
    complete: directory.complete,
    incomplete: directory.complete ? null : (directory.gap ?? "large_server"),
  };
  return c.json(answer);
});
