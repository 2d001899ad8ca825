/**
 * The built-in parser: French or English words → `/maxis` action drafts, or a question, or a refusal.
 * It only ever fills the options of a `/maxis` subcommand; checking them is resolve.ts's job, the same
 * for the model's answers. Pure: the clock, the time zone and the configured bots are given.
 */

import { cutAt } from "../../../shared/markdown";
import {
  type Clause,
  has,
  indexOf,
  makeClause,
  type ParseContext,
  type Parsed,
  type WithTarget,
} from "./clause";
import { findDuration, wholeMinutes } from "./duration";
import { giveaway, giveawayId, winnersCount } from "./giveaway";
import { explicitPercent, promo } from "./promo";
import { fold } from "./text";
import * as V from "./vocabulary";

export type { ParseContext, Parsed, Question } from "./clause";

/** Splits on `et`/`and`/`puis`/`then`/commas, but only where every part is an action of its own. */
export function parseRequest(text: string, ctx: ParseContext): Parsed {
  const whole = makeClause(text, ctx);
  const parts = splitClauses(text).map((part) => {
    const clause = makeClause(part, ctx);
    return { clause, parsed: parseClause(clause) };
  });
  if (parts.length > 1 && parts.every(({ parsed }) => parsed?.kind === "drafts")) {
    // A part that only adds to the giveaway or promotion before it ("giveaway Nitro and 2 winners for
    // 1 day") is not a second one: then the sentence is read whole.
    const continues = parts.some(
      ({ clause, parsed }, i) => i > 0 && addsToPrevious(clause, parsed, parts[i - 1]?.parsed),
    );
    if (!continues) {
      return {
        kind: "drafts",
        drafts: parts.flatMap(({ parsed }) => (parsed?.kind === "drafts" ? parsed.drafts : [])),
      };
    }
  }
  return parseClause(whole) ?? { kind: "refusal" };
}

function splitClauses(text: string): string[] {
  // Not at the comma of a decimal number (`12,5 %`).
  return text
    .split(/\s*(?:;|,(?!\d)|(?<!\d),)\s*|\s+(?:et|and|puis|then|ensuite|plus|also|aussi|&)\s+/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The same kind of action as the part before, without naming it: its details, not an action of its own. */
function addsToPrevious(c: Clause, parsed: Parsed | null, previous: Parsed | null | undefined): boolean {
  const action = parsed?.kind === "drafts" ? parsed.drafts[0]?.action : undefined;
  const before = previous?.kind === "drafts" ? previous.drafts.at(-1)?.action : undefined;
  if (!action || action !== before) return false;
  if (action === "giveaway") return indexOf(c, V.GIVEAWAY) < 0 && !/\bgive ?away\b/.test(c.folded);
  if (action === "promo") return !has(c, V.PROMO);
  return false;
}

/** One clause: the action it asks for, or null when it names none. */
function parseClause(c: Clause): Parsed | null {
  if (c.tokens.length === 0) return null;
  const named = findTargets(c);
  const target = named.length === 1 ? named[0] : undefined;
  // Several bots named: status covers them all; anything else must be told which one.
  const withTarget = (action: string, options: Record<string, unknown>, hints?: string[]): Parsed =>
    named.length > 1 && action !== "status"
      ? { kind: "question", field: "target" }
      : {
          kind: "drafts",
          drafts: [
            { action, options: target ? { ...options, target } : options, ...(hints ? { hints } : {}) },
          ],
        };

  if (has(c, V.MAINTENANCE)) {
    const mode = maintenanceMode(c);
    if (mode === "ask") return withTarget("status", {});
    if (mode === null) return { kind: "question", field: "maintenance" };
    return withTarget("execute", { operation: `maintenance ${mode}` });
  }
  if (
    has(c, V.SYNC) ||
    (has(c, V.COMMANDS) &&
      has(c, [
        "register",
        "enregistre",
        "reenregistre",
        "relance",
        "reload",
        "refresh",
        "rafraichis",
        "recharge",
        "redeploie",
      ]))
  ) {
    return withTarget("execute", { operation: "sync-commands" });
  }
  if (has(c, V.TICKETS) && has(c, V.CLOSE)) {
    const days = closeDays(c);
    return days === null
      ? { kind: "question", field: "days" }
      : withTarget("execute", { operation: `close-stale-tickets ${days}` });
  }
  if (
    has(c, V.REROLL) ||
    (has(c, ["nouveau", "nouveaux", "new", "autre", "another"]) && has(c, ["tirage", "draw", ...V.WINNERS]))
  ) {
    const id = giveawayId(c);
    if (!id) return { kind: "question", field: "giveaway" };
    const winners = winnersCount(c);
    return withTarget("execute", { operation: `reroll ${id}${winners ? ` ${winners}` : ""}` });
  }
  const giveawayAt = indexOf(c, V.GIVEAWAY);
  const endAt = indexOf(c, V.END);
  if (giveawayAt >= 0 && endAt >= 0 && endAt < giveawayAt && !has(c, V.LAUNCH)) {
    const id = giveawayId(c);
    return id
      ? withTarget("execute", { operation: `end-giveaway ${id}` })
      : { kind: "question", field: "giveaway" };
  }
  if (has(c, V.OUT_OF_SCOPE)) return { kind: "refusal" };
  if (has(c, ["execute", "executer", "exec", "run"]) && !has(c, [...V.PROMO, ...V.GIVEAWAY])) {
    const at = indexOf(c, ["execute", "executer", "exec", "run"]);
    const rest = c.text.slice(c.tokens[at + 1]?.start ?? c.text.length).trim();
    if (at >= 0 && rest && !has(c, [...V.STATUS, ...V.REPORT, ...V.ANALYTICS, ...V.RESTART])) {
      // An operation that is not on the allow-list is refused later, with the list.
      return withTarget("execute", { operation: cutAt(rest, 100) });
    }
  }
  const reportAt = indexOf(c, V.REPORT);
  const analyticsAt = indexOf(c, V.ANALYTICS);
  // `stats des promotions`, `how many giveaways`: asking about them, not starting one.
  const asking = (reportAt >= 0 || analyticsAt >= 0) && !has(c, V.LAUNCH) && explicitPercent(c) === null;
  const givingAway = giveawayAt >= 0 || /\bgive ?away\b/.test(c.folded);
  if (!asking && (givingAway || (has(c, V.WINNERS) && !has(c, V.PROMO)))) return giveaway(c, withTarget);
  if (!asking && (has(c, V.PROMO) || explicitPercent(c) !== null)) return promo(c, withTarget);
  if (has(c, V.RESTART)) return withTarget("restart", {});
  if (reportAt >= 0) return overPeriod(c, "report", withTarget);
  if (
    has(c, V.STATUS) ||
    /\b(how (are|is)|comment (va|vont|se porte)|ca va|vont bien|va bien|est-ce que .* (marche|tourne))\b/.test(
      c.folded,
    )
  ) {
    return withTarget("status", {});
  }
  if (analyticsAt >= 0) return overPeriod(c, "analytics", withTarget);
  return null;
}

/**
 * The bots the clause names (`maxis-eu`, `Maxis EU`), in order. A `maxis…` word that is no configured
 * bot is kept as typed, so the checks ask which bot was meant instead of picking one.
 */
function findTargets(c: Clause): string[] {
  const found: string[] = [];
  const folded = c.ctx.targets.map((name) => ({ name, parts: fold(name).split("-") }));
  for (let i = 0; i < c.tokens.length; i++) {
    let best: { name: string; length: number } | null = null;
    for (const { name, parts } of folded) {
      const joined = parts.join("-");
      if (c.tokens[i]?.word === joined)
        best = best && best.length >= parts.length ? best : { name, length: 1 };
      const spaced = parts.every((part, k) => c.tokens[i + k]?.word === part);
      if (spaced && parts.length > 1 && (!best || best.length < parts.length))
        best = { name, length: parts.length };
    }
    if (best) {
      if (!found.includes(best.name)) found.push(best.name);
      i += best.length - 1;
    } else if (/^maxis[-a-z0-9]*$/.test(c.tokens[i]?.word ?? "")) {
      const typed = c.text.slice(c.tokens[i]?.start ?? 0, c.tokens[i]?.end ?? 0);
      if (!found.includes(typed)) found.push(typed);
    }
  }
  return found;
}

function maintenanceMode(c: Clause): "on" | "off" | "ask" | null {
  const off =
    has(c, V.OFF) || /\b(fin de|sortie de|end of|back online|remet(s|tre)? en ligne)\b/.test(c.folded);
  const maintenanceAt = indexOf(c, [...V.MAINTENANCE, "mode"]);
  const verbOn =
    has(c, V.ON) || c.tokens[maintenanceAt + 1]?.word === "on" || c.tokens[maintenanceAt + 2]?.word === "on";
  if (off) return "off";
  if (verbOn) return "on";
  // `est-ce que maxis est en maintenance ?` asks; `maxis en maintenance` tells.
  if (/\?\s*$/.test(c.text) || /^(est-ce|is|are|does)\b/.test(c.folded.trim())) return "ask";
  if (/\ben maintenance\b/.test(c.folded)) return "on";
  return null;
}

function closeDays(c: Clause): number | null {
  const duration = findDuration(c.tokens, c.numbers);
  if (duration) return duration.value % 86_400 === 0 ? duration.value / 86_400 : null;
  const plain = c.numbers.filter((n) => !n.article);
  const days = plain.length === 1 ? (plain[0]?.value ?? null) : null;
  return days !== null && Number.isInteger(days) ? days : null;
}

function period(c: Clause): Record<string, unknown> | null {
  const duration = findDuration(c.tokens, c.numbers);
  let seconds = duration?.value ?? null;
  if (seconds === null) {
    if (/\b(aujourd|today|24 ?h|journee|daily|quotidien)/.test(c.folded)) seconds = 86_400;
    else if (/\b(semaine|week|hebdo)/.test(c.folded)) seconds = 604_800;
    else if (/\b(mois|month|mensuel)/.test(c.folded)) seconds = 30 * 86_400;
    else if (/\b(annee|year|annuel|an)\b/.test(c.folded)) seconds = 365 * 86_400;
  }
  if (seconds === null) return {};
  if (seconds % 604_800 === 0) return { period: `${seconds / 604_800}w` };
  if (seconds % 86_400 === 0) return { period: `${seconds / 86_400}d` };
  const minutes = wholeMinutes(seconds);
  // Periods count whole hours: `1.5 hours` is asked about, not rounded to 2 h.
  if (minutes === null || minutes % 60 !== 0) return null;
  return { period: `${Math.max(1, minutes / 60)}h` };
}

/** Analytics or a report over the period the clause names, or the question which period. */
function overPeriod(c: Clause, action: "analytics" | "report", withTarget: WithTarget): Parsed {
  const options = period(c);
  return options ? withTarget(action, options) : { kind: "question", field: "period" };
}
