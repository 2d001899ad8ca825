import { describe, expect, it } from "vitest";
import { unixSeconds } from "./money";

describe("unixSeconds", () => {
  it("gives Discord's timestamp seconds", () => {
    expect(unixSeconds("2026-11-24T12:00:00.999Z")).toBe(1_795_521_600);
  });
});
