/**
 * GET /api/v1/people?ids=<id>,<id>,…: the names and avatars of the Discord users the dashboard shows
 * (ticket owners, assignees, agents), as they appear in the session's server (../people/directory.ts).
 */
import { Hono } from "hono";
import * as v from "valibot";
import { MAX_PEOPLE_PER_REQUEST } from "../../shared/contracts/people";
import { lookUpPeople } from "../people/directory";
import type { ApiEnv } from "./context";
import { check } from "./validate";

export type { Person } from "../people/directory";

const peopleQuery = v.strictObject({
  ids: v.pipe(
    v.string(),
    v.regex(/^[0-9]{1,20}(,[0-9]{1,20})*$/),
    v.transform((list) => [...new Set(list.split(","))]),
    v.maxLength(MAX_PEOPLE_PER_REQUEST),
  ),
});

export const peopleRoutes = new Hono<ApiEnv>();

peopleRoutes.get("/people", async (c) => {
  const query = check(c, peopleQuery, c.req.query());
  if (!query.ok) return query.error;
  const people = await lookUpPeople({
    env: c.env,
    guildId: c.var.session.guild_id,
    ids: query.value.ids,
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
  });
  return c.json({ people });
});
