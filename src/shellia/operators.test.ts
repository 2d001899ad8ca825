import { describe, expect, it } from "vitest";
import { isOperator } from "./operators";

describe("isOperator", () => {
  it("accepts ids listed with commas or spaces", () => {
    expect(isOperator("111, 222 333", "222")).toBe(true);
    expect(isOperator("111,222", "111")).toBe(true);
  });

  it("refuses everyone when the list is empty, and never matches part of an id", () => {
    expect(isOperator("", "111")).toBe(false);
    expect(isOperator("1111", "111")).toBe(false);
  });
});
