import { describe, expect, it } from "vitest";
import { callMaxis, type MaxisTarget } from "./control-client";

describe("callMaxis", () => {
  it("tells Maxis the operator's language in Accept-Language, so even its refusals at the door are in it", async () => {
    const seen: (string | null)[] = [];
    const target: MaxisTarget = {
      name: "maxis",
      key: { keyId: "primary", secret: "0123456789abcdef0123456789abcdef" },
      origin: "https://maxis.internal",
      async send(request) {
        seen.push(request.headers.get("Accept-Language"));
        return Response.json(
          { error: { code: "bad_signature", message: "La signature ne correspond pas." } },
          {
            status: 401,
          },
        );
      },
    };
    const operator = { id: "1300000000000000001", name: "op" };
    expect(await callMaxis(target, "status", { operator, locale: "fr" })).toEqual({
      kind: "refused",
      code: "bad_signature",
    });
    await callMaxis(target, "status", { operator, locale: "en" });
    expect(seen).toEqual(["fr", "en"]);
  });
});
