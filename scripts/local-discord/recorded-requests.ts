/** What the Discord stand-in records of each request, the failures tests script, and how it reads a body. */
import type { Context } from "hono";

export interface RecordedRequest {
  seq: number;
  /** When it arrived (ms since the epoch), so tests can check waits such as a 429's retry_after. */
  at: number;
  method: string;
  path: string;
  /** JSON body, or `payload_json` for multipart bodies. */
  body: unknown;
  /** Attached files of a multipart body, as text. */
  files: { name: string; content: string }[];
  authorization: string | null;
  auditLogReason: string | null;
  /** What the stand-in answered (JSON body, or null), once it has: e.g. the id of a DM channel it opened. */
  status?: number;
  response?: unknown;
}

export interface ScriptedFailure {
  method: string;
  /** Regular expression tested against the path after `/api/v10` (e.g. naming an interaction token). */
  pathPattern: string;
  /**
   * Only requests whose JSON body contains this text: a recipient's id (`POST /users/@me/channels`
   * carries `recipient_id`), or a marker only one test writes. Leave it out to match any body.
   */
  bodyIncludes?: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  times: number;
}

export async function readPayload(
  c: Context,
): Promise<Pick<RecordedRequest, "body" | "files"> & { form?: Record<string, string> }> {
  const type = c.req.header("Content-Type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded")) {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    // Recorded for assertions, without the application's secret.
    return {
      body: { ...form, ...(form["client_secret"] ? { client_secret: "<redacted>" } : {}) },
      files: [],
      form,
    };
  }
  if (type.startsWith("multipart/form-data")) {
    const form = await c.req.formData();
    const files: RecordedRequest["files"] = [];
    for (const [key, value] of form as unknown as Iterable<[string, string | File]>) {
      if (key.startsWith("files[") && typeof value !== "string") {
        files.push({ name: value.name, content: await value.text() });
      }
    }
    const payload = form.get("payload_json");
    return { body: typeof payload === "string" ? JSON.parse(payload) : null, files };
  }
  const text = await c.req.text();
  return { body: text ? JSON.parse(text) : null, files: [] };
}
