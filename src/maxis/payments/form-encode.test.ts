import { describe, expect, it } from "vitest";
import { encodeStripeForm } from "./form-encode";

describe("encodeStripeForm", () => {
  it("writes nested objects and arrays with Stripe's bracketed keys, leaving out empty values", () => {
    const body = encodeStripeForm({
      mode: "subscription",
      line_items: [{ quantity: 1, price_data: { unit_amount: 1039, currency: "eur" } }],
      metadata: { plan_id: "pro", promotion_id: undefined, note: "a&b=c é" },
      skipped: null,
    });
    expect(decodeURIComponent(body)).toBe(
      "mode=subscription&line_items[0][quantity]=1&line_items[0][price_data][unit_amount]=1039&" +
        "line_items[0][price_data][currency]=eur&metadata[plan_id]=pro&metadata[note]=a&b=c é",
    );
    // Values are escaped, so user-ish text cannot add a parameter.
    expect(body).toContain("metadata%5Bnote%5D=a%26b%3Dc%20%C3%A9");
  });
});
