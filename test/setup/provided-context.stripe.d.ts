declare module "vitest" {
  interface ProvidedContext {
    /** Base URL of the local Stripe API stand-in (test/setup/local-stripe.global.ts). */
    stripeUrl: string;
    /** The webhook signing secret the test Maxis trusts (STRIPE_WEBHOOK_SECRET). */
    stripeWebhookSecret: string;
  }
}

export {};
