import { describe, expect, it } from "vitest";
import { inboxHref, parseRoute } from "./route";

describe("parseRoute", () => {
  it("reads the ticket, stats and inbox pages, with the inbox filters", () => {
    expect(parseRoute("#/tickets/42")).toEqual({ page: "ticket", number: 42 });
    expect(parseRoute("#/stats")).toEqual({ page: "stats" });
    const inbox = parseRoute("#/inbox?status=open&search=login");
    expect(inbox.page === "inbox" && inbox.params.get("search")).toBe("login");
  });

  it("reads the plans page and the plan open in its editor", () => {
    expect(parseRoute("#/plans")).toEqual({ page: "plans", plan: null });
    expect(parseRoute("#/plans/new")).toEqual({ page: "plans", plan: "new" });
    expect(parseRoute("#/plans/3f2a9c")).toEqual({ page: "plans", plan: "3f2a9c" });
    expect(parseRoute("#/plans/<script>").page).toBe("inbox");
  });

  it("falls back to the inbox for anything else", () => {
    expect(parseRoute("").page).toBe("inbox");
    expect(parseRoute("#/tickets/abc").page).toBe("inbox");
  });

  it("round-trips the inbox filters through the address", () => {
    const href = inboxHref(new URLSearchParams({ status: "closed", mine: "true" }));
    const back = parseRoute(href);
    expect(back.page === "inbox" && back.params.get("mine")).toBe("true");
  });
});
