/**
 * `/api/v1/snippets…`: the server's canned replies. Staff list them (the composer's picker); its admins
 * create, change and delete them (the Settings page). The SQL functions check the caller and every
 * field and audit each change; their refusals come back in the reader's language.
 *
 *   GET    /snippets        every snippet, by name (staff)
 *   POST   /snippets        create (admins)            → 201 the snippet
 *   PATCH  /snippets/:id    replace name and texts (admins)
 *   DELETE /snippets/:id    delete (admins)
 */
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as v from "valibot";
import { snippetErrorMessage } from "../snippets/errors";
import {
  createSnippet,
  deleteSnippet,
  listSnippets,
  type SnippetErrorCode,
  type SnippetResult,
  updateSnippet,
} from "../snippets/rpc";
import type { ApiContext, ApiEnv } from "./context";
import { apiError } from "./errors";
import { clientOf } from "./session-client";
import { jsonBody } from "./validate";

const SNIPPET_STATUS: Record<SnippetErrorCode, ContentfulStatusCode> = {
  not_authenticated: 401,
  guild_required: 400,
  staff_only: 403,
  admin_only: 403,
  search_too_long: 400,
  invalid_snippet_name: 400,
  snippet_empty: 400,
  snippet_too_long: 400,
  snippet_name_taken: 409,
  snippet_not_found: 404,
  too_many_snippets: 409,
  ticket_not_found: 404,
  invalid_ticket_number: 400,
};

const snippetError = (c: ApiContext, code: SnippetErrorCode) =>
  apiError(c, SNIPPET_STATUS[code], code, snippetErrorMessage(c.var.t, code));

function respond<T>(c: ApiContext, result: SnippetResult<T>, status: ContentfulStatusCode = 200) {
  return result.ok ? c.json(result.value as object, status) : snippetError(c, result.error.code);
}

const snippetBody = v.strictObject({ name: v.string(), bodyEn: v.string(), bodyFr: v.string() });
const SNIPPET_ID = /^[1-9][0-9]{0,15}$/;

export const snippetRoutes = new Hono<ApiEnv>();

snippetRoutes.use("/snippets/:id", async (c, next) =>
  SNIPPET_ID.test(c.req.param("id") ?? "") ? next() : snippetError(c, "snippet_not_found"),
);

snippetRoutes.get("/snippets", async (c) => respond(c, await listSnippets(await clientOf(c))));

snippetRoutes.post("/snippets", async (c) => {
  const body = await jsonBody(c, snippetBody);
  if (!body.ok) return body.error;
  return respond(c, await createSnippet(await clientOf(c), body.value), 201);
});

snippetRoutes.patch("/snippets/:id", async (c) => {
  const body = await jsonBody(c, snippetBody);
  if (!body.ok) return body.error;
  return respond(c, await updateSnippet(await clientOf(c), Number(c.req.param("id")), body.value));
});

snippetRoutes.delete("/snippets/:id", async (c) =>
  respond(c, await deleteSnippet(await clientOf(c), Number(c.req.param("id")))),
);
