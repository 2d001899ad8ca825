/**
 * Shared by the payments tests: fresh members, commands and button clicks, signed Stripe deliveries, and
 * the roles the Discord stand-in saw granted.
 */
import { exports } from "cloudflare:workers";
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
} from "discord-api-types/v10";
import { inject } from "vitest";
import {
  buttonInteraction,
  commandInteraction,
  parseCommandLine,
} from "../../../scripts/lib/interaction-builder";
import { LOCAL_GUILD_ID } from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import type { RecordedStripeRequest } from "../../../scripts/local-stripe/api-routes";
import {
  type LifecycleStep,
  type LocalSubscription,
  lifecycleEvents,
  newSubscription,
  type StripeEvent,
} from "../../../scripts/local-stripe/events";
import { maxisHandlers } from "../../../src/maxis/commands";
import { stripeSignatureHeader } from "../../../src/maxis/payments/stripe-signature";
import { pollUntil } from "../../support/poll";
import { snowflake } from "../../support/snowflake";
import { sendInteraction } from "../support/discord";

export { snowflake };

export const definitions = maxisHandlers.commands.map((command) => command.data);
/** The seed's plans and their roles (supabase/seed.sql). */
export const PRO_ROLE = "1300000000000000072";
export const BASIC_ROLE = "1300000000000000071";
export const PREMIUM_ROLE = "1300000000000000073";
export const PREMIUM_SKU = "1300000000000000081";
export const LIFETIME_ROLE = "1300000000000000074";

export const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
export const now = () => Math.floor(Date.now() / 1000);

export interface Member {
  userId: string;
  guildId: string;
  locale?: string;
}
// Plans belong to a server: members buy the local server's seeded plans, each test as a new member.
export const freshMember = (locale = "en-US"): Member => ({
  userId: snowflake(),
  guildId: LOCAL_GUILD_ID,
  locale,
});

export async function command(member: Member, line: string, extra: Partial<APIInteraction> = {}) {
  const interaction = { ...commandInteraction(member, parseCommandLine(line, definitions)), ...extra };
  return (await sendInteraction(exports.default, interaction as APIInteraction)).response;
}

export async function click(member: Member, customId: string, extra: Partial<APIInteraction> = {}) {
  const interaction = { ...buttonInteraction(member, customId), ...extra } as APIInteraction;
  return (await sendInteraction(exports.default, interaction)).response;
}

export function data(response: APIInteractionResponse) {
  if (response.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error("no message");
  return response.data ?? {};
}

export function buttons(response: APIInteractionResponse): APIButtonComponent[] {
  return ((data(response).components ?? []) as APIActionRowComponent<APIButtonComponent>[]).flatMap(
    (row) => row.components,
  );
}

export async function postStripe(body: string, signature?: string, language = "en"): Promise<Response> {
  return exports.default.fetch("https://maxis.test/webhooks/stripe", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Accept-Language": language,
      "Stripe-Signature": signature ?? (await stripeSignatureHeader(inject("stripeWebhookSecret"), body)),
    },
    body,
  });
}

/** Delivers events as Stripe would (signed, now), each `times` times; returns the answers. */
export async function deliver(events: StripeEvent[], times = 1) {
  const answers: { status: number; body: { duplicate?: boolean } }[] = [];
  for (const event of events) {
    for (let i = 0; i < times; i++) {
      const response = await postStripe(JSON.stringify(event));
      answers.push({ status: response.status, body: (await response.json()) as { duplicate?: boolean } });
    }
  }
  return answers;
}

/** The role changes Maxis made for this member (PUT grant, DELETE removal), oldest first. */
export async function roleRequests(member: Member): Promise<RecordedRequest[]> {
  const response = await fetch(`${inject("discordLocalUrl")}/__local/requests`);
  const all = (await response.json()) as RecordedRequest[];
  const prefix = `/guilds/${member.guildId}/members/${member.userId}/roles/`;
  return all.filter((request) => request.path.startsWith(prefix));
}

export async function rolesNow(member: Member): Promise<string[]> {
  const response = await fetch(
    `${inject("discordLocalUrl")}/__local/guilds/${member.guildId}/members/${member.userId}/roles`,
  );
  return (await response.json()) as string[];
}

/** Role changes run right after the webhook's answer (waitUntil): wait until they settle. */
export const settledRoles = (member: Member, expectedRequests: number, timeoutMs = 5_000) =>
  pollUntil(
    () => roleRequests(member),
    (requests) => requests.length >= expectedRequests,
    { timeoutMs },
  );

export function subscriptionFor(member: Member, plan = "pro", amountCents = 1039): LocalSubscription {
  return newSubscription(
    {
      id: `cs_test_${snowflake()}`,
      metadata: { guild_id: member.guildId, user_id: member.userId, plan_id: plan },
      amountCents,
      currency: "eur",
    },
    now(),
  );
}

export function step(name: LifecycleStep, sub: LocalSubscription, at = now()) {
  return lifecycleEvents(name, sub, at);
}

export async function subscriptionText(member: Member, extra: Partial<APIInteraction> = {}): Promise<string> {
  const message = data(await command(member, "/subscription", extra));
  return plain(
    [
      message.content ?? "",
      ...(message.embeds ?? []).flatMap((e) => (e.fields ?? []).map((f) => `${f.name}: ${f.value}`)),
    ].join("\n"),
  );
}

/** What the Stripe stand-in received (its API calls, every method), oldest first. */
export async function stripeRequests(): Promise<RecordedStripeRequest[]> {
  return (await (await fetch(`${inject("stripeUrl")}/__local/requests`)).json()) as RecordedStripeRequest[];
}

/** The DELETE /v1/subscriptions/{id} calls Maxis made for this subscription. */
export const cancelCalls = async (subscriptionId: string) =>
  (await stripeRequests()).filter(
    (r) => r.method === "DELETE" && r.path === `/v1/subscriptions/${subscriptionId}`,
  );

/** Makes a subscription the test built itself known to the Stripe stand-in's API (so it can cancel it). */
export async function knownToStripe(sub: LocalSubscription): Promise<void> {
  await fetch(`${inject("stripeUrl")}/__local/subscriptions/${sub.id}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(sub),
  });
}

export async function stripeSubscriptionStatus(id: string): Promise<string> {
  const response = await fetch(`${inject("stripeUrl")}/__local/subscriptions/${id}`);
  return ((await response.json()) as { status: string }).status;
}

/** The next `times` Stripe API calls of this method and path answer with this failure. */
export async function failStripe(method: string, pathPattern: string, status = 500, times = 1) {
  await fetch(`${inject("stripeUrl")}/__local/failures`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      method,
      pathPattern,
      status,
      body: { error: { type: "api_error", message: "Stripe had a problem" } },
      times,
    }),
  });
}
