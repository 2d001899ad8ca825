/**
 * How `/ask` words its answers: the preview of what will run (with the equivalent `/maxis` lines and
 * the Confirm / Cancel buttons), a question back, a refusal. Pure. The operator's own words (a prize)
 * are shown inert, and never inside a code span they could close.
 */
import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import { EXECUTE_OPERATIONS, operationUsage } from "../../shared/control/operations";
import { customId } from "../../shared/discord/handlers";
import type { Translator } from "../../shared/i18n";
import { inertText } from "../../shared/markdown";
import { type ActionSpec, commandLine, type Proposal } from "./actions";
import type { Resolution } from "./resolve";

export const ASK_COMPONENT = "ask";

export interface Engine {
  engine: "parser" | "model";
  model?: string;
}

export const engineName = (t: Translator, e: Engine) =>
  e.engine === "model" ? t("ask.engine.model", { model: e.model ?? "" }) : t("ask.engine.parser");

/** A `/maxis` line safe inside a code span: no backtick, one line. */
export function codeLine(specs: readonly ActionSpec[], proposal: Proposal): string {
  return commandLine(specs, proposal).replace(/`/g, "ˋ").replace(/\s+/g, " ").slice(0, 400);
}

const UNITS: Record<string, number> = { s: 1, min: 60, m: 60, h: 3_600, d: 86_400, j: 86_400, w: 604_800 };

function seconds(duration: string): number {
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+)(min|[smhdjw])/g))
    total += Number(n) * (UNITS[unit ?? ""] ?? 0);
  return total;
}

function argsText(t: Translator, proposal: Proposal, now: number): string {
  const parts = Object.entries(proposal.options)
    .filter(([name]) => name !== "target")
    .map(([name, value]) => {
      if (name === "channel") return `${name}: <#${String(value).replace(/\D/g, "") || "0"}>`;
      const shown = typeof value === "number" ? String(value) : inertText(value, 120);
      if (name === "duration" && typeof value === "string") {
        return `${name}: ${shown} (${t("ask.preview.ends", { at: Math.floor((now + seconds(value) * 1000) / 1000) })})`;
      }
      return `${name}: ${shown}`;
    });
  return parts.length ? ` — ${parts.join(", ")}` : "";
}

export function previewMessage(
  t: Translator,
  specs: readonly ActionSpec[],
  engine: Engine,
  actions: readonly { proposal: Proposal; targets: string[] }[],
  askId: string,
  now: number,
  expiresAt: number,
) {
  const lines = actions.map(({ proposal, targets }) =>
    t("ask.preview.line", {
      action: proposal.action,
      target: targets.length > 1 ? t("ask.all_targets") : (targets[0] ?? ""),
      args: argsText(t, proposal, now),
      command: codeLine(specs, proposal),
    }),
  );
  const buttons: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Success,
        label: t("ask.button.confirm"),
        custom_id: customId(ASK_COMPONENT, "confirm", askId),
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: t("ask.button.cancel"),
        custom_id: customId(ASK_COMPONENT, "cancel", askId),
      },
    ],
  };
  return {
    content: [
      t("ask.preview.title", { engine: engineName(t, engine) }),
      ...lines,
      t("ask.preview.footer", { expires: Math.floor(expiresAt / 1000) }),
    ].join("\n"),
    components: [buttons],
  };
}

const QUESTIONS = new Set([
  "target",
  "plan",
  "percent",
  "duration",
  "prize",
  "channel",
  "winners",
  "maintenance",
  "days",
  "giveaway",
  "period",
  "operation",
]);

export function questionMessage(t: Translator, q: Extract<Resolution, { kind: "question" }>): string {
  const field = QUESTIONS.has(q.field) ? q.field : "operation";
  const lines = [
    q.min !== undefined && q.max !== undefined
      ? t("ask.question.range", { option: q.field, min: q.min, max: q.max })
      : "",
    t(`ask.question.${field}` as "ask.question.plan"),
    q.choices?.length
      ? t("ask.question.choices", { choices: q.choices.map((c) => `\`${c.replace(/`/g, "ˋ")}\``).join(", ") })
      : "",
    q.operation ? t("ask.question.usage", { usage: operationUsage(t, q.operation) }) : "",
    t("ask.question.again"),
  ];
  return lines.filter(Boolean).join(" ");
}

export function refusalMessage(
  t: Translator,
  reason: Extract<Resolution, { kind: "refusal" }>["reason"],
): string {
  const operations = EXECUTE_OPERATIONS.map((o) => `\`${operationUsage(t, o.name)}\``).join(", ");
  return reason === "operation"
    ? t("ask.refusal.operation", { operations })
    : t("ask.refusal", { operations });
}
