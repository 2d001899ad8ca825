import { InteractionResponseType, InteractionType } from "discord-api-types/payloads/v10";
import type { APIInteractionResponse } from "discord-api-types/v10";
import {
  acceptLanguageLocale,
  type MessageKey,
  type MessageParams,
  resolveLocale,
  translate,
  translatorFor,
} from "../i18n";
import { parseInteraction } from "./envelope";
import { INTERACTION_WINDOW_SECONDS, isFreshTimestamp } from "./freshness";
import type { InteractionHandlers } from "./handlers";
import { claimInteraction, type LedgerEnv } from "./ledger-shards";
import { readBodyWithin } from "./read-body";
import { mustClaim } from "./replay-policy";
import { autocompleteChoices, ephemeral } from "./responses";
import { routeInteraction } from "./router";
import { verifyDiscordSignature } from "./signature";
import { firstUnstorableCharacter, mayHoldUnstorable } from "./storable-text";

/** Well above anything Discord sends (a modal of long text inputs is tens of KiB). */
const MAX_BODY_BYTES = 256 * 1024;

type HttpRefusal =
  | "invalid_signature"
  | "stale_timestamp"
  | "body_too_large"
  | "invalid_json"
  | "invalid_interaction";

const refusals: Record<HttpRefusal, { status: number; message: MessageKey }> = {
  invalid_signature: { status: 401, message: "interaction.http.invalid_signature" },
  stale_timestamp: { status: 401, message: "interaction.http.stale_timestamp" },
  body_too_large: { status: 413, message: "interaction.http.body_too_large" },
  invalid_json: { status: 400, message: "interaction.http.invalid_json" },
  invalid_interaction: { status: 400, message: "interaction.http.invalid_interaction" },
};

/**
 * Serves `POST /interactions` for either Worker. In order: a bounded body (413), the Ed25519
 * signature and a timestamp within the window (401, before any parsing), JSON and the interaction
 * envelope (400), then PING, then — for anything a handler owns that may change state
 * (`replay-policy.ts`) — the claim of the interaction id in the ledger (a repeat is answered, not
 * run), then the router. Whatever is signed, the answer is never a 5xx.
 */
export async function handleInteractionRequest<Env extends { DISCORD_PUBLIC_KEY: string } & LedgerEnv>(
  handlers: InteractionHandlers<Env>,
  request: Request,
  env: Env,
  ctx: Pick<ExecutionContext, "waitUntil">,
): Promise<Response> {
  // Only a refusal reads the Accept-Language header; an interaction answers in the member's language.
  const refuse = (code: HttpRefusal, params?: MessageParams) => {
    const locale = acceptLanguageLocale(request.headers.get("Accept-Language") ?? undefined);
    return Response.json(
      { error: { code, message: translate(locale, refusals[code].message, params) } },
      { status: refusals[code].status },
    );
  };

  const rawBody = await readBodyWithin(request, MAX_BODY_BYTES);
  if (rawBody === undefined) return refuse("body_too_large", { kib: MAX_BODY_BYTES / 1024 });
  const timestamp = request.headers.get("X-Signature-Timestamp") ?? undefined;
  const signed = await verifyDiscordSignature(
    env.DISCORD_PUBLIC_KEY,
    request.headers.get("X-Signature-Ed25519") ?? undefined,
    timestamp,
    rawBody,
  );
  if (!signed || timestamp === undefined) return refuse("invalid_signature");
  if (!isFreshTimestamp(timestamp, Math.floor(Date.now() / 1000))) {
    return refuse("stale_timestamp", { minutes: INTERACTION_WINDOW_SECONDS / 60 });
  }

  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return refuse("invalid_json");
  }
  const parsed = parseInteraction(body);
  switch (parsed.kind) {
    case "invalid":
      return refuse("invalid_interaction", { field: parsed.field });
    case "ping":
      return Response.json({ type: InteractionResponseType.Pong } satisfies APIInteractionResponse);
    case "unknown_type":
      return answer(translatorFor(resolveLocale(parsed.locale))("interaction.unknown_type"));
  }

  const { interaction } = parsed;
  const t = translatorFor(resolveLocale(interaction.locale ?? interaction.guild_locale));
  // Discord shows nothing but choices while a member types: a message there is an error to them.
  const autocomplete = interaction.type === InteractionType.ApplicationCommandAutocomplete;
  const unstorable = mayHoldUnstorable(rawBody) ? firstUnstorableCharacter(body) : null;
  if (unstorable) {
    return autocomplete
      ? Response.json(autocompleteChoices([]))
      : answer(t("interaction.unstorable_character", { character: unstorable }));
  }
  try {
    if (
      mustClaim(handlers, interaction) &&
      !(await claimInteraction(env, interaction.id, Number(timestamp)))
    ) {
      return answer(t("interaction.already_handled"));
    }
    return Response.json(
      await routeInteraction(handlers, interaction, { env, waitUntil: (promise) => ctx.waitUntil(promise) }),
    );
  } catch (error) {
    // The ledger could not be reached (nothing ran: no claim, no action) or the router itself failed.
    console.error("interaction failed before or around its handler", { type: interaction.type, error });
    return autocomplete ? Response.json(autocompleteChoices([])) : answer(t("error.internal"));
  }
}

/** A private answer that runs nothing. */
function answer(content: string): Response {
  return Response.json(ephemeral(content));
}
