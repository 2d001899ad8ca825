import type { TestProject } from "vitest/node";
import { serveLocalStripe } from "../../scripts/local-stripe/server";
import { listeningAs } from "./ports";

/**
 * The Stripe stand-in for the Maxis tests, on `TEST_STRIPE_PORT`: it answers Checkout and portal
 * sessions; the tests deliver webhook events to the Worker themselves (it cannot reach the Worker
 * under test), so its own deliveries go nowhere.
 */
export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  const stripe = await listeningAs(
    "Stripe",
    ["TEST_STRIPE_PORT"],
    serveLocalStripe(Number(process.env["TEST_STRIPE_PORT"]), {
      webhookUrl: "http://127.0.0.1:9/webhooks/stripe",
      webhookSecret: process.env["TEST_STRIPE_WEBHOOK_SECRET"] ?? "",
    }),
  );
  return () => stripe.close();
}
