import { describe, expect, it } from "vitest";
import { parseStripeSignatureHeader, stripeSignatureHeader, verifyStripeSignature } from "./stripe-signature";

const secret = "whsec_test_secret";
const body = '{"id":"evt_1","type":"invoice.paid"}';
const t = 1_800_000_000;

describe("verifyStripeSignature", () => {
  it("accepts Stripe's HMAC-SHA256 of `t.payload` within the tolerance", async () => {
    const header = await stripeSignatureHeader(secret, body, t);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(await verifyStripeSignature(secret, header, body, t + 300)).toEqual({ ok: true, value: t });
  });

  it("accepts any one of several v1 signatures (a secret being rotated)", async () => {
    const good = (await stripeSignatureHeader(secret, body, t)).split(",")[1];
    const header = `t=${t},v1=${"0".repeat(64)},${good},v0=${"1".repeat(64)}`;
    expect((await verifyStripeSignature(secret, header, body, t)).ok).toBe(true);
  });

  it("refuses a timestamp outside 300 s either way, another secret, another body, and junk", async () => {
    const header = await stripeSignatureHeader(secret, body, t);
    expect(await verifyStripeSignature(secret, header, body, t + 301)).toEqual({
      ok: false,
      error: "stale",
    });
    expect(await verifyStripeSignature(secret, header, body, t - 301)).toEqual({
      ok: false,
      error: "stale",
    });
    expect(await verifyStripeSignature("whsec_other", header, body, t)).toEqual({
      ok: false,
      error: "mismatch",
    });
    expect(await verifyStripeSignature(secret, header, `${body} `, t)).toEqual({
      ok: false,
      error: "mismatch",
    });
    // The signed timestamp is part of the MAC: moving it breaks the signature.
    const moved = header.replace(`t=${t}`, `t=${t + 1}`);
    expect(await verifyStripeSignature(secret, moved, body, t)).toEqual({ ok: false, error: "mismatch" });
    expect(await verifyStripeSignature(secret, undefined, body, t)).toEqual({ ok: false, error: "missing" });
    expect(await verifyStripeSignature("", header, body, t)).toEqual({ ok: false, error: "missing" });
    expect(await verifyStripeSignature(secret, "v1=abc", body, t)).toEqual({
      ok: false,
      error: "malformed",
    });
    expect(await verifyStripeSignature(secret, `t=${t}`, body, t)).toEqual({
      ok: false,
      error: "malformed",
    });
  });

  it("reads only well-formed v1 signatures from the header", () => {
    expect(parseStripeSignatureHeader(`t=5,v1=${"a".repeat(64)},v1=zz`)?.signatures).toHaveLength(1);
    expect(parseStripeSignatureHeader("t=x,v1=aa")).toBeNull();
  });
});
