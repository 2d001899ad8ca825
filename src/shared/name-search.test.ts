import { describe, expect, it } from "vitest";
import { nameMatches } from "./name-search";

describe("nameMatches", () => {
  it("finds a name by any part of it, whatever the case and accents", () => {
    expect(nameMatches("Béa Billing", "bea")).toBe(true);
    expect(nameMatches("Nina Staff", " STAFF ")).toBe(true);
    expect(nameMatches("Zoé", "zoe")).toBe(true);
    expect(nameMatches("Nina", "ada")).toBe(false);
  });

  it("takes everyone for an empty search, and nobody without a name for another", () => {
    expect(nameMatches(null, "")).toBe(true);
    expect(nameMatches(null, "a")).toBe(false);
  });
});
