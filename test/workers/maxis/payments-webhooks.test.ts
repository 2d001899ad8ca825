/**
 * Stripe webhooks, end to end: signed events → the ledger → roles on the Discord stand-in;
 * duplicates, reordering, every event type, the grace period, a failed grant retried, reconcile,
 * forged webhooks.
 */
import { env, exports } from "cloudflare:workers";
import { ButtonStyle } from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import { runPaymentsPass } from "../../../src/maxis/payments/scheduled";
import { stripeSignatureHeader } from "../../../src/maxis/payments/stripe-signature";
import {
  BASIC_ROLE,
  buttons,
  command,
  deliver,
  freshMember,
  now,
  PRO_ROLE,
  postStripe,
  roleRequests,
  rolesNow,
  settledRoles,
  snowflake,
  step,
  subscriptionFor,
  subscriptionText,
} from "./payments-support";

describe("Stripe webhooks", () => {
  it("grants the role once when the checkout's events arrive three times each, and /subscription shows it", async () => {
    const member = freshMember();
    const sub = subscriptionFor(member);
    const answers = await deliver(step("complete", sub).events, 3);
    expect(answers.map((a) => a.status)).toEqual(Array(9).fill(200));
    expect(answers.filter((a) => a.body.duplicate === true)).toHaveLength(6);

    const requests = await settledRoles(member, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await roleRequests(member)).map((r) => `${r.method} ${r.path.split("/").at(-1)}`)).toEqual([
      `PUT ${PRO_ROLE}`,
    ]);
    expect(requests[0]?.auditLogReason).toContain("Maxis%20payments");
    expect(await rolesNow(member)).toEqual([PRO_ROLE]);

    const text = await subscriptionText(member);
    expect(text).toMatch(/Pro: \*\*Active\*\*\nRenews <t:\d+:D>\n€10\.39 per month\nPaid with Stripe/);
    expect(
      buttons(await command(member, "/subscription")).find((b) => b.style === ButtonStyle.Link),
    ).toMatchObject({ label: "Manage billing" });
  });

  it("ends in the same state when the events arrive newest first", async () => {
    const member = freshMember("fr");
    const sub = subscriptionFor(member, "basic", 499);
    await deliver([...step("complete", sub).events].reverse());
    await settledRoles(member, 1);
    expect(await rolesNow(member)).toEqual([BASIC_ROLE]);
    expect(await subscriptionText(member)).toMatch(
      /Basique: \*\*Actif\*\*\nRenouvellement le <t:\d+:D>\n4,99 € par mois/,
    );
  });

  it("removes the role on a refund, on a dispute and on a cancellation", async () => {
    for (const ending of ["refund", "dispute", "cancel"] as const) {
      const member = freshMember();
      const sub = subscriptionFor(member);
      await deliver(step("complete", sub).events);
      await settledRoles(member, 1);
      await deliver(step(ending, sub).events);
      const requests = await settledRoles(member, 2);
      expect(
        requests.map((r) => r.method),
        ending,
      ).toEqual(["PUT", "DELETE"]);
      expect(await rolesNow(member)).toEqual([]);
      expect(await subscriptionText(member)).toContain("Pro: **Ended**");
    }
  });

  it("a refund delivered before the payment it refunds still ends the plan, and a late renewal does not revive a cancellation", async () => {
    const refunded = freshMember();
    const sub = subscriptionFor(refunded);
    await deliver(step("refund", sub).events);
    await deliver(step("complete", sub).events);
    // Until the invoice names the refunded charge, the subscription looks paid; once it does, it ends.
    await settledRoles(refunded, 2);
    expect(await rolesNow(refunded)).toEqual([]);
    expect(await subscriptionText(refunded)).toContain("Pro: **Ended**");

    const canceled = freshMember();
    const sub2 = subscriptionFor(canceled);
    const renewal = step("renew", sub2, now() - 60).events;
    await deliver(step("complete", sub2, now() - 120).events);
    await deliver(step("cancel", sub2).events);
    await deliver(renewal);
    await settledRoles(canceled, 2);
    expect(await rolesNow(canceled)).toEqual([]);
    expect(await subscriptionText(canceled)).toContain("Pro: **Ended**");
  });

  it("keeps the role through the grace period after a failed payment, and a renewal makes it active again", async () => {
    const member = freshMember();
    const sub = subscriptionFor(member);
    await deliver(step("complete", sub, now() - 20).events);
    await settledRoles(member, 1);
    await deliver(step("fail", sub, now() - 10).events);
    expect(await subscriptionText(member)).toMatch(/Payment failed: access kept until <t:\d+:f>/);
    await deliver(step("renew", sub).events);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await roleRequests(member)).map((r) => r.method)).toEqual(["PUT"]);
    expect(await rolesNow(member)).toEqual([PRO_ROLE]);
    expect(await subscriptionText(member)).toContain("Pro: **Active**");
  });

  it("takes the role back once the grace period runs out without payment (scheduled pass)", async () => {
    const member = freshMember();
    const sub = subscriptionFor(member);
    const graceSeconds = 3 * 86_400;
    await deliver(step("complete", sub, now() - graceSeconds).events);
    await settledRoles(member, 1);
    // Failed 3 days minus 2 seconds ago: still in grace, for 2 more seconds.
    await deliver(step("fail", sub, now() - graceSeconds + 2).events);
    expect(await subscriptionText(member)).toContain("Payment failed");
    expect(await rolesNow(member)).toEqual([PRO_ROLE]);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await runPaymentsPass(env);
    expect((await roleRequests(member)).map((r) => r.method)).toEqual(["PUT", "DELETE"]);
    expect(await subscriptionText(member)).toContain("Pro: **Ended**");
  });

  it("retries a role grant Discord refused until it succeeds", async () => {
    const member = freshMember();
    await fetch(`${inject("discordLocalUrl")}/__local/failures`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        method: "PUT",
        pathPattern: `/members/${member.userId}/roles/`,
        status: 403,
        body: { message: "Missing Permissions", code: 50013 },
        times: 1,
      }),
    });
    await deliver(step("complete", subscriptionFor(member)).events);
    const first = await settledRoles(member, 1);
    expect(first.map((r) => r.status)).toEqual([403]);
    expect(await rolesNow(member)).toEqual([]);
    // The first retry is due 5 s later; the scheduled pass makes it.
    await new Promise((resolve) => setTimeout(resolve, 5_200));
    await runPaymentsPass(env);
    expect((await roleRequests(member)).map((r) => r.status)).toEqual([403, 204]);
    expect(await rolesNow(member)).toEqual([PRO_ROLE]);
  }, 15_000);

  it("reconcile gives back a role removed by hand", async () => {
    const member = freshMember();
    await deliver(step("complete", subscriptionFor(member)).events);
    await settledRoles(member, 1);
    // A moderator removes the role in Discord.
    await fetch(
      `${inject("discordLocalUrl")}/api/v10/guilds/${member.guildId}/members/${member.userId}/roles/${PRO_ROLE}`,
      { method: "DELETE", headers: { Authorization: "Bot moderator" } },
    );
    expect(await rolesNow(member)).toEqual([]);
    await runPaymentsPass(env);
    expect(await rolesNow(member)).toEqual([PRO_ROLE]);
    // Maxis's grant, the moderator's removal, the repair.
    expect((await roleRequests(member)).map((r) => r.method)).toEqual(["PUT", "DELETE", "PUT"]);
  });

  it("refuses a forged or stale event with 400 and changes nothing", async () => {
    const member = freshMember();
    const [checkout] = step("complete", subscriptionFor(member)).events.filter(
      (e) => e.type === "checkout.session.completed",
    );
    const body = JSON.stringify(checkout);
    const forged = await postStripe(body, `t=${now()},v1=${"ab".repeat(32)}`, "fr");
    expect(forged.status).toBe(400);
    expect(await forged.json()).toEqual({
      error: {
        code: "invalid_signature",
        message: "La signature du webhook est absente, invalide ou trop ancienne.",
      },
    });
    const wrongSecret = await postStripe(body, await stripeSignatureHeader("whsec_someone_else", body));
    expect(wrongSecret.status).toBe(400);
    const stale = await postStripe(
      body,
      await stripeSignatureHeader(inject("stripeWebhookSecret"), body, now() - 301),
    );
    expect(stale.status).toBe(400);
    const unsigned = await exports.default.fetch("https://maxis.test/webhooks/stripe", {
      method: "POST",
      body,
    });
    expect(unsigned.status).toBe(400);
    // Signed correctly but with a changed body: the signature covers the bytes.
    const tampered = await postStripe(
      body.replace(member.userId, snowflake()),
      await stripeSignatureHeader(inject("stripeWebhookSecret"), body),
    );
    expect(tampered.status).toBe(400);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await roleRequests(member)).toEqual([]);
    expect(await subscriptionText(member)).toBe(
      "You have no plan in this server. /shop lists what is for sale.",
    );
    // The same event, signed properly, is then accepted: nothing of it had been stored.
    expect((await postStripe(body)).status).toBe(200);
  });
});
