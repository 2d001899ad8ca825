/** Shellia's settings, and how they line up with the Maxis they steer. */
import type { Findings, WorkerInput } from "./types";
import { httpsUrl, isRecord, MULTI_LINE_HINT, parseJson, snowflakeListProblem } from "./values";

function maxisControlKeys(maxis: WorkerInput): Record<string, unknown> | null {
  const parsed = parseJson(maxis.secrets["CONTROL_KEYS"] ?? "");
  return parsed.ok && isRecord(parsed.value) ? parsed.value : null;
}

function checkTarget(
  target: Record<string, unknown>,
  index: number,
  shellia: WorkerInput,
  maxis: WorkerInput,
  findings: Findings,
): void {
  const where = "shellia MAXIS_TARGETS";
  const label =
    typeof target["name"] === "string" && target["name"] ? `"${target["name"]}"` : `#${index + 1}`;
  for (const field of ["name", "keyId", "secret"]) {
    if (typeof target[field] !== "string" || target[field] === "") {
      findings.error(where, `target ${label} has no "${field}"`);
    }
  }
  const { binding, url, keyId, secret } = target;
  if ((binding === undefined) === (url === undefined)) {
    findings.error(
      where,
      `target ${label} needs exactly one of "binding" (same account) or "url" (elsewhere)`,
    );
    return;
  }
  if (url !== undefined) {
    if (typeof url !== "string" || !httpsUrl(url))
      findings.error(where, `target ${label} has a "url" that is not https`);
    return;
  }
  if (typeof binding !== "string" || !(binding in shellia.services)) {
    const known = Object.keys(shellia.services).join(", ") || "none";
    findings.error(
      where,
      `target ${label} names the binding ${JSON.stringify(binding)}, not a [[services]] entry of ${shellia.configPath} (${known})`,
    );
    return;
  }
  // A binding to the Maxis being deployed: its key must be in that Maxis's CONTROL_KEYS, same secret.
  if (shellia.services[binding] !== maxis.name || typeof keyId !== "string") return;
  const keys = maxisControlKeys(maxis);
  if (!keys) return;
  if (!(keyId in keys)) {
    const ids = Object.keys(keys).join(", ") || "none";
    findings.error(
      where,
      `target ${label} signs with key id "${keyId}", which is missing from Maxis's CONTROL_KEYS (${ids})`,
    );
  } else if (keys[keyId] !== secret) {
    findings.error(
      where,
      `target ${label}: the secret of key "${keyId}" differs from the one in Maxis's CONTROL_KEYS`,
    );
  }
}

export function checkShellia(shellia: WorkerInput, maxis: WorkerInput, findings: Findings): void {
  const operators = shellia.vars["OPERATOR_USER_IDS"] ?? "";
  if (!operators) findings.error("shellia OPERATOR_USER_IDS", "is empty: nobody could run /maxis");
  else {
    const problem = snowflakeListProblem(operators);
    if (problem) findings.error("shellia OPERATOR_USER_IDS", problem);
  }

  for (const [binding, service] of Object.entries(shellia.services)) {
    if (service !== maxis.name) {
      findings.warning(
        `shellia [[services]] ${binding}`,
        `reaches the Worker "${service}", not this Maxis ("${maxis.name}"): deploy it first`,
      );
    }
  }

  const publicKey = shellia.secrets["DISCORD_PUBLIC_KEY"];
  if (publicKey && publicKey === maxis.secrets["DISCORD_PUBLIC_KEY"]) {
    findings.error(
      "shellia DISCORD_PUBLIC_KEY",
      "is Maxis's: Shellia and Maxis are two Discord applications, each with its own key",
    );
  }

  const raw = shellia.secrets["MAXIS_TARGETS"];
  if (!raw) return;
  const parsed = parseJson(raw);
  if (!parsed.ok) {
    findings.error("shellia MAXIS_TARGETS", MULTI_LINE_HINT);
    return;
  }
  if (!Array.isArray(parsed.value) || parsed.value.length === 0) {
    findings.error(
      "shellia MAXIS_TARGETS",
      'must be a JSON list of Maxis bots: [{"name": …, "binding" or "url": …, "keyId": …, "secret": …}]',
    );
    return;
  }
  const names = new Set<string>();
  parsed.value.forEach((target: unknown, index) => {
    if (!isRecord(target)) {
      findings.error("shellia MAXIS_TARGETS", `entry #${index + 1} is not an object`);
      return;
    }
    if (typeof target["name"] === "string") {
      if (names.has(target["name"]))
        findings.error("shellia MAXIS_TARGETS", `the name "${target["name"]}" is used twice`);
      names.add(target["name"]);
    }
    checkTarget(target, index, shellia, maxis, findings);
  });
}
