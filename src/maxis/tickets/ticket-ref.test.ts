import { describe, expect, it } from "vitest";
import { parseTicketNumber } from "./ticket-ref";

describe("parseTicketNumber", () => {
  it("reads the ways members type a ticket number", () => {
    expect(parseTicketNumber("42")).toBe(42);
    expect(parseTicketNumber("#42")).toBe(42);
    expect(parseTicketNumber(" # 042 ")).toBe(42);
    expect(parseTicketNumber(7)).toBe(7);
  });

  it("refuses anything else", () => {
    for (const raw of ["", "abc", "#", "0", "-3", "4.5", "42abc", "1234567890", "#42 #43", undefined]) {
      expect(parseTicketNumber(raw), String(raw)).toBeNull();
    }
  });
});
