/** Small validators shared by the checks; each returns a problem in English, or null when fine. */
import { err, ok, type Result } from "../../../src/shared/result";

export const SNOWFLAKE = /^\d{17,20}$/;
export const HEX_64 = /^[0-9a-f]{64}$/i;

export function snowflakeProblem(value: string): string | null {
  return SNOWFLAKE.test(value) ? null : `"${value}" is not a Discord id (17 to 20 digits)`;
}

/** A comma-separated list of Discord ids, read as the Workers read it (spaces and empty entries skipped). */
export function snowflakeListProblem(value: string): string | null {
  const bad = value
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "" && !SNOWFLAKE.test(id));
  return bad.length
    ? `has entries that are not Discord ids: ${bad.map((id) => JSON.stringify(id)).join(", ")}`
    : null;
}

export function httpsUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

export function isLocalHost(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]", "0.0.0.0"].includes(url.hostname);
}

/** The parsed value, or the parser's complaint. */
export function parseJson(value: string): Result<unknown, string> {
  try {
    return ok(JSON.parse(value) as unknown);
  } catch (error) {
    return err(String(error));
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A JSON secret pasted over several lines: `wrangler secret put` keeps only its first line. */
export const MULTI_LINE_HINT =
  "is not valid JSON. `wrangler secret put` stores only the first line of a multi-line paste: put the JSON on one line, pipe it in (`echo '…' | npx wrangler secret put NAME`), or upload the file with `wrangler secret bulk`";

/** The claims of a JWT, without checking its signature (to tell a legacy anon key from a service key). */
export function unverifiedClaims(token: string): Record<string, unknown> | null {
  const payload = token.split(".")[1];
  if (token.split(".").length !== 3 || !payload) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}
