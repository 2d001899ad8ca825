/**
 * Running what `/ask` proposed: each action through `/maxis`'s own path (the same target rule,
 * request builder and control call), its signed body marked with where it came from.
 */
import type { APIEmbed } from "discord-api-types/v10";
import type { MessageWithFile } from "../../shared/discord/followup";
import { CommandOptions } from "../../shared/discord/options";
import type { Locale, Translator } from "../../shared/i18n";
import { cutAt } from "../../shared/markdown";
import { buildControlCall } from "../maxis/requests";
import { chooseTargets, runControlCall } from "../maxis/run";
import type { MaxisTarget } from "../maxis-targets";
import { asCommandData, type Proposal } from "./actions";
import type { Engine } from "./preview";

/** Runs the actions one after the other (in the order asked), each through `/maxis`'s own path. */
export async function runAll(
  t: Translator,
  locale: Locale,
  targets: MaxisTarget[],
  actions: readonly { proposal: Proposal }[],
  operator: { id: string; name: string },
  via: Engine & { askId: string; request: string; confirmed: boolean },
): Promise<MessageWithFile & { outcomes: string[] }> {
  const texts: string[] = [];
  const embeds: APIEmbed[] = [];
  const outcomes: string[] = [];
  let file: MessageWithFile["file"];
  for (const { proposal } of actions) {
    const choice = chooseTargets(targets, proposal.options["target"] as string | undefined, proposal.action);
    const built = buildControlCall({
      options: new CommandOptions(asCommandData(proposal)),
      operator,
      locale,
    });
    if (!choice.ok || !built.ok) {
      texts.push(choice.ok ? t("error.internal") : t(choice.error.key, choice.error.params));
      outcomes.push("not_sent");
      continue;
    }
    const call = built.value;
    call.request.via = {
      kind: "ask",
      askId: via.askId,
      request: via.request,
      engine: via.engine,
      ...(via.model ? { model: via.model } : {}),
      confirmed: via.confirmed,
    };
    const result = await runControlCall(t, locale, choice.value, call);
    outcomes.push(...result.outcomes);
    if (typeof result.message === "string") texts.push(result.message);
    else {
      texts.push(result.message.content ?? "");
      embeds.push(...(result.message.embeds ?? []));
    }
    file ??= result.file;
  }
  return { message: { content: texts.join("\n\n"), embeds }, ...(file ? { file } : {}), outcomes };
}

/** The results under a header line, within Discord's 2,000 characters. */
export function withHeader(result: MessageWithFile, header: string): MessageWithFile {
  const message = typeof result.message === "string" ? { content: result.message } : result.message;
  return {
    ...result,
    message: { ...message, content: cutAt(`${header}\n\n${message.content ?? ""}`, 2000) },
  };
}
