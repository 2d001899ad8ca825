import { describe, expect, it } from "vitest";
import { auditedAction, matchControlRoute } from "./route";

describe("matchControlRoute", () => {
  it("runs only POST to an exact action path", () => {
    expect(matchControlRoute("POST", "/control/v1/status")).toEqual({ kind: "action", action: "status" });
    expect(matchControlRoute("POST", "/control/v1/execute")).toEqual({ kind: "action", action: "execute" });
  });

  it.each(["GET", "PUT", "DELETE", "HEAD"])("answers %s on an action's path as a wrong method", (method) => {
    expect(matchControlRoute(method, "/control/v1/status")).toEqual({
      kind: "method_not_allowed",
      action: "status",
    });
  });

  it("names an unknown action back only when it is shaped like one", () => {
    expect(matchControlRoute("POST", "/control/v1/shutdown")).toEqual({
      kind: "unknown_action",
      name: "shutdown",
    });
    expect(auditedAction(matchControlRoute("POST", "/control/v1/shutdown"))).toBe("unknown");
    expect(matchControlRoute("GET", "/control/v1/shutdown")).toEqual({ kind: "not_found" });
  });

  it.each([
    "/control/v1/status/",
    "/control/v1//status",
    "/control/v1/status/extra",
    "/control/v1/",
    "/control/v1",
    "/control/v1/st%61tus",
    "/control/v1/Status",
    "/control/v1/[Key rotation required: click](https:/evil.example/k)",
  ])("treats %s as no route, audited as 'unknown'", (path) => {
    const route = matchControlRoute("POST", path);
    expect(route).toEqual({ kind: "not_found" });
    expect(auditedAction(route)).toBe("unknown");
  });
});
