import { describe, expect, it } from "vitest";
import { readControlBody } from "./body";

const operator = { id: "1300000000000000333", name: "operator" };

describe("readControlBody", () => {
  it("reads the operator, the locale and the arguments the audit row keeps", () => {
    expect(
      readControlBody(JSON.stringify({ operator, locale: "fr", operation: "maintenance", args: ["on"] })),
    ).toEqual({
      ok: true,
      value: {
        body: { operator, locale: "fr", operation: "maintenance", args: ["on"] },
        operator,
        locale: "fr",
        args: { operation: "maintenance", args: ["on"] },
      },
    });
  });

  it("refuses a NUL anywhere, naming where, and keeps the well-formed operator for the row", () => {
    const raw = JSON.stringify({
      operator,
      locale: "fr",
      operation: "maintenance",
      args: ["off"],
      note: "x\u0000",
    });
    expect(readControlBody(raw)).toEqual({
      ok: false,
      error: {
        code: "invalid_characters",
        detail: "note",
        operatorId: operator.id,
        operatorName: operator.name,
        locale: "fr",
      },
    });
    expect(readControlBody(JSON.stringify({ operator, prize: "Nitro\u0000" }))).toMatchObject({
      error: { code: "invalid_characters", detail: "prize" },
    });
  });

  it("drops an operator name it could not store", () => {
    const raw = JSON.stringify({ operator: { id: operator.id, name: "op\u0000" }, locale: "en" });
    expect(readControlBody(raw)).toMatchObject({
      error: {
        code: "invalid_characters",
        detail: "operator.name",
        operatorId: operator.id,
        operatorName: null,
      },
    });
  });

  it("never names back a field whose name is the request's own text", () => {
    const raw = JSON.stringify({ operator, "[click](https://evil.example)": "\u0000" });
    expect(readControlBody(raw)).toMatchObject({ error: { code: "invalid_characters", detail: "(body)" } });
  });

  it.each([
    ["not JSON", "{", "not_json"],
    ["an array", "[]", "not_object"],
    ["no operator", JSON.stringify({ locale: "en" }), "operator_id"],
    ["no operator name", JSON.stringify({ operator: { id: operator.id } }), "operator_name"],
  ])("refuses %s", (_name, raw, detail) => {
    expect(readControlBody(raw)).toMatchObject({ ok: false, error: { code: "invalid_body", detail } });
  });
});
