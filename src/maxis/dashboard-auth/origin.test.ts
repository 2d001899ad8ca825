import { describe, expect, it } from "vitest";
import { isAllowedWrite } from "./origin";

describe("isAllowedWrite", () => {
  const allowed = ["https://dash.example"];
  it("lets reads through and writes only from the dashboard's origin", () => {
    expect(isAllowedWrite("GET", undefined, allowed)).toBe(true);
    expect(isAllowedWrite("POST", "https://dash.example", allowed)).toBe(true);
    expect(isAllowedWrite("PATCH", "https://evil.example", allowed)).toBe(false);
    expect(isAllowedWrite("POST", undefined, allowed)).toBe(false);
    expect(isAllowedWrite("DELETE", "null", allowed)).toBe(false);
  });
});
