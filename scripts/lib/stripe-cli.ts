/**
 * `npm run interact -- stripe …`: drives the local Stripe stand-in as a paying member and Stripe would.
 *   stripe pay <checkout session id>                       pay a checkout (the webhook events follow)
 *   stripe <renew|fail|cancel|refund|dispute> <sub id>     the rest of a subscription's life
 *   stripe <refund|dispute> <pi id>                        a one-time payment's (a lifetime plan)
 *   stripe forge                                           a webhook event with a wrong signature
 * --times N delivers every event N times, --reorder newest first. Prints what Maxis answered to each
 * delivery, then the role grants and removals Maxis made on Discord because of them.
 */
import { localPorts } from "./local-ports";

const USAGE = `Usage: npm run interact -- stripe pay <checkout session id> [--times N] [--reorder]
       npm run interact -- stripe <renew|fail|cancel|refund|dispute> <subscription id> [--times N] [--reorder]
       npm run interact -- stripe <refund|dispute> <payment intent id (pi_…), a lifetime plan's>
       npm run interact -- stripe forge`;

interface Delivery {
  id: string;
  type: string;
  status: number;
  body: unknown;
}

async function roleRequests(discordBase: string, since: number) {
  const response = await fetch(`${discordBase}/__local/requests?since=${since}`).catch(() => null);
  const requests = response?.ok
    ? ((await response.json()) as { seq: number; method: string; path: string; status?: number }[])
    : [];
  return requests.filter((request) => /\/roles\/\d+$/.test(request.path));
}

async function lastSeq(discordBase: string): Promise<number> {
  const response = await fetch(`${discordBase}/__local/requests`).catch(() => null);
  const requests = response?.ok ? ((await response.json()) as { seq: number }[]) : [];
  return requests.at(-1)?.seq ?? 0;
}

export async function runStripeCommand(
  args: readonly string[],
  options: { times?: string | undefined; reorder?: boolean | undefined },
): Promise<number> {
  const ports = localPorts();
  const stripeBase = `http://127.0.0.1:${ports.stripeApi}`;
  const discordBase = `http://127.0.0.1:${ports.discordApi}`;
  const [command, id] = args;
  const query = new URLSearchParams();
  if (options.times) query.set("times", options.times);
  if (options.reorder) query.set("reorder", "1");

  if (command === "forge") {
    const body = JSON.stringify({
      id: "evt_forged_local",
      type: "checkout.session.completed",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: "cs_forged", payment_status: "paid" } },
    });
    const response = await fetch(`http://127.0.0.1:${ports.maxis}/webhooks/stripe`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Stripe-Signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
      },
      body,
    });
    console.log(`Forged event → Maxis answered HTTP ${response.status}: ${await response.text()}`);
    return response.status === 400 ? 0 : 1;
  }

  let path: string;
  if (command === "pay" && id) path = `/__local/checkout/${encodeURIComponent(id)}/complete`;
  else if ((command === "refund" || command === "dispute") && id?.startsWith("pi_")) {
    path = `/__local/payments/${encodeURIComponent(id)}/${command}`;
  } else if (["renew", "fail", "cancel", "refund", "dispute"].includes(command ?? "") && id) {
    path = `/__local/subscriptions/${encodeURIComponent(id)}/${command}`;
  } else {
    console.error(USAGE);
    return 2;
  }

  const since = await lastSeq(discordBase);
  const response = await fetch(`${stripeBase}${path}?${query}`, { method: "POST" }).catch((error: Error) => {
    console.error(
      `Cannot reach the Stripe stand-in at ${stripeBase} (${error.message}). Is \`npm run dev\` running?`,
    );
    return null;
  });
  if (!response) return 1;
  const result = (await response.json()) as {
    error?: { message: string };
    subscription?: string;
    payment_intent?: string;
    customer?: string;
    amount_cents?: number;
    currency?: string;
    deliveries?: Delivery[];
  };
  if (!response.ok) {
    console.error(`Stripe stand-in: ${result.error?.message ?? response.status}`);
    return 1;
  }
  if (result.amount_cents !== undefined) {
    console.log(
      `Paid ${(result.amount_cents / 100).toFixed(2)} ${result.currency?.toUpperCase()}; ${
        result.payment_intent
          ? `paid once, payment intent ${result.payment_intent}`
          : `subscription ${result.subscription}`
      }, customer ${result.customer}`,
    );
  }
  for (const delivery of result.deliveries ?? []) {
    console.log(
      `  ${delivery.type.padEnd(30)} ${delivery.id} → HTTP ${delivery.status} ${JSON.stringify(delivery.body)}`,
    );
  }
  // Role changes are made right after Maxis answers each webhook: give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const roles = await roleRequests(discordBase, since);
  console.log(roles.length ? "Discord role changes:" : "No Discord role change.");
  for (const request of roles) {
    console.log(
      `  ${request.method === "PUT" ? "granted" : "removed"}  ${request.path}  → HTTP ${request.status}`,
    );
  }
  return 0;
}
