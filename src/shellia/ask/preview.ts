/**
 * How `/ask` words its answers: the preview of what will run (with the equivalent `/maxis` lines and
 * the Confirm / Cancel buttons), a question back, a refusal. Pure. The operator's own words (a prize)
 * are shown inert, and never inside a code span they could close.
 */
import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import { EXECUTE_OPERATIONS, operationUsage } from "../../shared/control/operations";
import { customId } from "../../shared/discord/handlers";
import { parseDuration } from "../../shared/duration";
import type { Locale, MessageKey, Translator } from "../../shared/i18n";
import { en } from "../../shared/i18n/catalogs";
import { formatDuration } from "../../shared/i18n/duration";
import { cutAt, inertText } from "../../shared/markdown";
import { type ActionSpec, commandLine, isReadOnly, type Proposal } from "./actions";
import type { Resolution } from "./resolve";

export const ASK_COMPONENT = "ask";

export interface Engine {
  engine: "parser" | "model";
  model?: string;
}

export const engineName = (t: Translator, e: Engine) =>
  e.engine === "model" ? t("ask.engine.model", { model: e.model ?? "" }) : t("ask.engine.parser");

/** An option's or action's name as the operator's Discord shows it (`lot`, `concours` in French). */
const inCatalogue = (key: string): key is MessageKey => key in en;
const optionName = (t: Translator, name: string) => {
  const key = `command.maxis.option.${name}.name`;
  return inCatalogue(key) ? t(key) : name;
};
const actionName = (t: Translator, action: string) => {
  const key = `command.maxis.${action}.name`;
  return inCatalogue(key) ? t(key) : action;
};

/**
 * A `/maxis` line safe inside a code span: no backtick, one line. With a translator, in the words the
 * operator's Discord shows (`/maxis concours lot:…` in French); without, as declared (for the audit).
 */
export function codeLine(specs: readonly ActionSpec[], proposal: Proposal, t?: Translator): string {
  const names = t && {
    action: (name: string) => actionName(t, name),
    option: (name: string) => optionName(t, name),
  };
  return cutAt(
    commandLine(specs, proposal, names || undefined)
      .replace(/`/g, "ˋ")
      .replace(/\s+/g, " "),
    400,
  );
}

function argsText(t: Translator, locale: Locale, proposal: Proposal, now: number): string {
  const parts = Object.entries(proposal.options)
    .filter(([name]) => name !== "target")
    .map(([name, value]) => {
      const label = (shown: string) => t("ask.preview.option", { name: optionName(t, name), value: shown });
      if (name === "channel") return label(`<#${String(value).replace(/\D/g, "") || "0"}>`);
      const seconds = name === "duration" && typeof value === "string" ? parseDuration(value) : null;
      if (seconds !== null) {
        const ends = t("ask.preview.ends", { at: Math.floor((now + seconds * 1000) / 1000) });
        return label(`${formatDuration(seconds, locale)} (${ends})`);
      }
      return label(typeof value === "number" ? String(value) : inertText(value, 120));
    });
  return parts.length ? ` — ${parts.join(", ")}` : "";
}

export function previewMessage(
  t: Translator,
  locale: Locale,
  specs: readonly ActionSpec[],
  engine: Engine,
  actions: readonly { proposal: Proposal; targets: string[] }[],
  askId: string,
  now: number,
  expiresAt: number,
) {
  const lines = actions.map(({ proposal, targets }) =>
    t("ask.preview.line", {
      action: actionName(t, proposal.action),
      target: targets.length > 1 ? t("ask.all_targets") : (targets[0] ?? ""),
      args: argsText(t, locale, proposal, now),
      command: codeLine(specs, proposal, t),
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

export function questionMessage(
  t: Translator,
  q: Extract<Resolution, { kind: "question" }>,
  locale: Locale,
): string {
  const field = QUESTIONS.has(q.field) ? q.field : "operation";
  const lines = [
    q.notWhole !== undefined
      ? t("ask.question.whole", {
          option: optionName(t, q.field),
          value: new Intl.NumberFormat(locale, { maximumFractionDigits: 9 }).format(q.notWhole),
        })
      : "",
    q.min !== undefined && q.max !== undefined
      ? t("ask.question.range", { option: optionName(t, q.field), min: q.min, max: q.max })
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

/** Says what `/ask` can do instead: the `/maxis` subcommands as the operator's Discord names them. */
export function refusalMessage(
  t: Translator,
  reason: Extract<Resolution, { kind: "refusal" }>["reason"],
  specs: readonly ActionSpec[],
): string {
  const operations = EXECUTE_OPERATIONS.map((o) => `\`${operationUsage(t, o.name)}\``).join(", ");
  if (reason === "operation")
    return t("ask.refusal.operation", { operations, execute: actionName(t, "execute") });
  const names = (readOnly: boolean) =>
    specs
      .filter((s) => isReadOnly(s.name) === readOnly)
      .map((s) => `${actionName(t, s.name)}${s.name === "execute" ? ` (${operations})` : ""}`)
      .join(", ");
  return t("ask.refusal", { readOnly: names(true), confirmed: names(false) });
}
