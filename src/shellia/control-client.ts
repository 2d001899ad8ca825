/**
 * Shellia's side of the control API: signs a request with the target's own key, sends it through the
 * target's binding or URL, and sorts the answer into what the operator needs to know.
 */
import {
  type ControlAction,
  type ControlRequests,
  type ControlResults,
  controlPath,
} from "../shared/control/protocol";
import { type ControlKey, signControlRequest } from "../shared/control/sign";
import { err, ok, type Result } from "../shared/result";

/** A Maxis bot Shellia can steer (configured in MAXIS_TARGETS, see ./maxis-targets.ts). */
export interface MaxisTarget {
  name: string;
  /** This bot's own control key: no other Maxis accepts it. */
  key: ControlKey;
  /** Base URL the control path is appended to (a placeholder host for service bindings). */
  origin: string;
  send(request: Request): Promise<Response>;
}

/** Well inside Discord's 3 s, and the operator hears about a slow Maxis rather than waits. */
export const CONTROL_TIMEOUT_MS = 2_000;

/** A call that Maxis answered with its result, and how long the round trip took. */
export interface CallAnswer<A extends ControlAction> {
  result: ControlResults[A];
  ms: number;
}

/** Why a call has no result, each kind worded apart for the operator (see format.ts `problem`). */
export type CallProblem =
  /** 401: Maxis did not accept the signature; nothing ran. */
  | { kind: "refused"; code: string }
  /** Maxis verified the call and answered with a reason, in the operator's language. */
  | { kind: "rejected"; code: string; message: string }
  /** An HTTP answer that is not the control API's: a crashing or misrouted Maxis. */
  | { kind: "failing"; status: number }
  | { kind: "unreachable"; cause: UnreachableCause }
  | { kind: "timeout"; ms: number };

export type CallOutcome<A extends ControlAction> = Result<CallAnswer<A>, CallProblem>;

class Timeout extends Error {}

function errorBody(value: unknown): { code: string; message: string } | null {
  if (typeof value !== "object" || value === null) return null;
  const error = Reflect.get(value, "error");
  if (typeof error !== "object" || error === null) return null;
  const code = Reflect.get(error, "code");
  const message = Reflect.get(error, "message");
  return typeof code === "string" && typeof message === "string" ? { code, message } : null;
}

/** Why a Maxis could not be reached, as the operator reads it (in their language, see format.ts). */
export type UnreachableCause = "refused" | "dns" | "tls" | "network";

/**
 * Sorts the runtime's error (English, worded differently by workerd, Node and the network) into a
 * cause the operator's catalogue words; the raw message goes to the logs only.
 */
export function unreachableCause(error: unknown): UnreachableCause {
  const message = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : String(error);
  if (/refused|ECONNREFUSED/i.test(message)) return "refused";
  if (/dns|ENOTFOUND|EAI_AGAIN|resolve|no such host/i.test(message)) return "dns";
  if (/tls|ssl|certificate/i.test(message)) return "tls";
  return "network";
}

export async function callMaxis<A extends ControlAction>(
  target: MaxisTarget,
  action: A,
  request: ControlRequests[A],
  timeoutMs = CONTROL_TIMEOUT_MS,
): Promise<CallOutcome<A>> {
  const path = controlPath(action);
  const body = JSON.stringify(request);
  const headers = await signControlRequest(target.key, { method: "POST", path, body });
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = Date.now();
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Timeout());
    }, timeoutMs);
  });

  try {
    const { status, json } = await Promise.race([
      (async () => {
        const response = await target.send(
          new Request(`${target.origin}${path}`, {
            method: "POST",
            // The operator's language, for the refusals Maxis words before it reads the body (401).
            headers: { ...headers, "Content-Type": "application/json", "Accept-Language": request.locale },
            body,
            signal: controller.signal,
          }),
        );
        const text = await response.text();
        let json: unknown = null;
        try {
          json = JSON.parse(text);
        } catch {
          // Not the control API's answer: reported as failing below.
        }
        return { status: response.status, json };
      })(),
      deadline,
    ]);
    const error = errorBody(json);
    if (status === 200 && typeof json === "object" && json !== null && Reflect.get(json, "ok") === true) {
      return ok({ result: Reflect.get(json, "result") as ControlResults[A], ms: Date.now() - started });
    }
    if (status === 401) return err({ kind: "refused", code: error?.code ?? "unauthorized" });
    if (error && status >= 400) return err({ kind: "rejected", ...error });
    return err({ kind: "failing", status });
  } catch (error) {
    if (error instanceof Timeout) return err({ kind: "timeout", ms: timeoutMs });
    console.warn("control: Maxis unreachable", { target: target.name, error: String(error) });
    return err({ kind: "unreachable", cause: unreachableCause(error) });
  } finally {
    clearTimeout(timer);
  }
}
