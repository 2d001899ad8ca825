/**
 * Giveaways as the rest of Maxis uses them: the /giveaway command and the control API
 * (Shellia's `/maxis giveaway`, `execute end-giveaway ID`, `execute reroll ID`, `status`, `analytics`).
 *
 *   startGiveaway(env, input: StartGiveawayInput): Promise<GiveawayResult<GiveawaySummary>>
 *     Validates, posts the giveaway message with its Enter button, schedules the draw.
 *     Errors: invalid_winners, invalid_end_time, prize_empty, prize_too_long, prize_invalid, invalid_bonus,
 *     invalid_channel, invalid_role, discord_failed (nothing is created).
 *   endGiveawayNow(env, id, requestKey?): Promise<GiveawayResult<GiveawaySummary>>   — draws and announces now
 *     Errors: invalid_id, not_found, already_ended.
 *   rerollGiveaway(env, id, winners?, requestKey?): Promise<GiveawayResult<GiveawaySummary>>
 *     New winners among those who never won this giveaway (default: as many as the giveaway had);
 *     the earlier winners stay on the message. Errors: invalid_id, not_found, not_ended,
 *     invalid_winners, no_entrants (nobody entered), no_entrants_left (every entrant has won).
 *   With a `requestKey` (an interaction id), a retried request returns the draw it made the first
 *   time instead of drawing again or answering already_ended.
 *   getGiveaway(env, id): Promise<GiveawaySummary | null>
 *   listRunningGiveaways(env, guildId?): Promise<GiveawaySummary[]>   — soonest end first
 *   giveawayFigures(env, since: Date): Promise<GiveawayFigures>
 *   giveawayErrorMessage(t, error): string   — the error in the caller's language
 *
 * None of these needs a Discord member: the control API calls them as itself. Staff checks for
 * members are the command's job.
 */
import type { Translator } from "../../shared/i18n";
import { isGiveawayId, newGiveawayId } from "./ids";
import type {
  GiveawayError,
  GiveawayFigures,
  GiveawayResult,
  GiveawaySummary,
  StartGiveawayInput,
} from "./types";
import { validateStartInput } from "./validate";

export type GiveawayEnv = Pick<MaxisEnv, "GIVEAWAYS" | "GIVEAWAY_INDEX">;

export type {
  GiveawayError,
  GiveawayErrorCode,
  GiveawayFigures,
  GiveawayResult,
  GiveawaySummary,
  StartGiveawayInput,
} from "./types";

/** The one instance that lists every giveaway of this Maxis. */
export function giveawayIndex(env: GiveawayEnv) {
  return env.GIVEAWAY_INDEX.get(env.GIVEAWAY_INDEX.idFromName("all"));
}

export function giveawayStub(env: GiveawayEnv, id: string) {
  return env.GIVEAWAYS.get(env.GIVEAWAYS.idFromName(id));
}

const invalidId: GiveawayResult<never> = { ok: false, error: { code: "invalid_id" } };

export async function startGiveaway(
  env: GiveawayEnv,
  input: StartGiveawayInput,
): Promise<GiveawayResult<GiveawaySummary>> {
  const validated = validateStartInput(input, Date.now());
  if (!validated.ok) return validated;
  const id = newGiveawayId();
  return giveawayStub(env, id).create({ ...validated.value, id });
}

export async function endGiveawayNow(
  env: GiveawayEnv,
  id: string,
  requestKey?: string,
): Promise<GiveawayResult<GiveawaySummary>> {
  if (!isGiveawayId(id)) return invalidId;
  return giveawayStub(env, id).endNow(requestKey ?? null);
}

export async function rerollGiveaway(
  env: GiveawayEnv,
  id: string,
  winners?: number,
  requestKey?: string,
): Promise<GiveawayResult<GiveawaySummary>> {
  if (!isGiveawayId(id)) return invalidId;
  return giveawayStub(env, id).reroll(winners ?? null, requestKey ?? null);
}

export async function getGiveaway(env: GiveawayEnv, id: string): Promise<GiveawaySummary | null> {
  if (!isGiveawayId(id)) return null;
  return giveawayStub(env, id).summary();
}

export async function listRunningGiveaways(env: GiveawayEnv, guildId?: string): Promise<GiveawaySummary[]> {
  return giveawayIndex(env).running(guildId ?? null);
}

export async function giveawayFigures(env: GiveawayEnv, since: Date): Promise<GiveawayFigures> {
  return giveawayIndex(env).figures(since.getTime());
}

export function giveawayErrorMessage(t: Translator, error: GiveawayError): string {
  return t(`giveaway.error.${error.code}`, error.params);
}
