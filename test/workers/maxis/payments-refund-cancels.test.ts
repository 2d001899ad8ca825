/**
 * A full refund or a dispute ends a Stripe subscription's entitlement, and Maxis then cancels the
 * subscription at Stripe, so the member is not billed again for a plan they no longer have: reliably
 * (a failed cancel answers 500, and Stripe's redelivery cancels), once (the deletion Stripe sends
 * back changes nothing), and the member still reaches their billing from /subscription.
 */
import { ButtonStyle } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import type { StripeEvent } from "../../../scripts/local-stripe/events";
import {
  buttons,
  cancelCalls,
  command,
  deliver,
  failStripe,
  freshMember,
  knownToStripe,
  rolesNow,
  settledRoles,
  step,
  stripeSubscriptionStatus,
  subscriptionFor,
  subscriptionText,
} from "./payments-support";

describe("a refunded or disputed subscription", () => {
  it("is canceled at Stripe after a full refund; Stripe's deletion that follows changes nothing", async () => {
    const member = freshMember();
    const sub = subscriptionFor(member);
    await knownToStripe(sub);
    await deliver(step("complete", sub).events);
    await settledRoles(member, 1);

    const [refunded] = await deliver(step("refund", sub).events);
    expect(refunded?.status).toBe(200);
    expect(await stripeSubscriptionStatus(sub.id)).toBe("canceled");
    expect(await cancelCalls(sub.id)).toHaveLength(1);

    // Stripe then sends customer.subscription.deleted: accepted, no second cancel, nothing else moves.
    const [deleted] = await deliver(step("cancel", sub).events);
    expect(deleted?.status).toBe(200);
    expect(await cancelCalls(sub.id)).toHaveLength(1);
    expect((await settledRoles(member, 2)).map((r) => r.method)).toEqual(["PUT", "DELETE"]);
    expect(await rolesNow(member)).toEqual([]);

    // Nothing runs any more, yet the member can still open their billing.
    expect(await subscriptionText(member)).toContain("Pro: **Ended**");
    expect(
      buttons(await command(member, "/subscription")).find((b) => b.style === ButtonStyle.Link),
    ).toMatchObject({ label: "Manage billing" });
  });

  it("is canceled after a dispute even when Stripe failed the first time: the webhook says 500 and the redelivery cancels", async () => {
    const member = freshMember("fr");
    const sub = subscriptionFor(member);
    await knownToStripe(sub);
    await deliver(step("complete", sub).events);
    await failStripe("DELETE", `^/v1/subscriptions/${sub.id}$`);

    const dispute = step("dispute", sub).events;
    const [first] = await deliver(dispute);
    expect(first?.status).toBe(500);
    expect(await stripeSubscriptionStatus(sub.id)).toBe("active");

    // Stripe delivers the same event again: a duplicate for the ledger, but the cancel is retried.
    const [second] = await deliver(dispute);
    expect(second).toMatchObject({ status: 200, body: { duplicate: true } });
    expect(await stripeSubscriptionStatus(sub.id)).toBe("canceled");
    expect(await cancelCalls(sub.id)).toHaveLength(2);

    // Once more before Stripe's deletion arrives: already canceled at Stripe (404) counts as done.
    const [third] = await deliver(dispute);
    expect(third?.status).toBe(200);
    expect(await subscriptionText(member)).toContain("Pro: **Terminé**");
  });

  it("a partial refund leaves the subscription running and cancels nothing", async () => {
    const member = freshMember();
    const sub = subscriptionFor(member);
    await knownToStripe(sub);
    await deliver(step("complete", sub).events);
    const [full] = step("refund", sub).events;
    if (!full) throw new Error("no refund event");
    const partial: StripeEvent = {
      ...full,
      data: { object: { ...full.data.object, amount_refunded: 100, refunded: false } },
    };
    expect((await deliver([partial]))[0]?.status).toBe(200);
    expect(await cancelCalls(sub.id)).toEqual([]);
    expect(await stripeSubscriptionStatus(sub.id)).toBe("active");
    expect(await subscriptionText(member)).toContain("Pro: **Active**");
  });
});
