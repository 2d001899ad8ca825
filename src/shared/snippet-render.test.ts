import { describe, expect, it } from "vitest";
import { renderSnippet } from "./snippet-render";

const values = { member: "Camille", ticket: "#42", agent: "Alex", server: "Local server" };

describe("renderSnippet", () => {
  it("fills in every known variable, as often as it appears", () => {
    expect(renderSnippet("Hi {member}, {agent} here about {ticket} on {server}. Bye {member}!", values)).toBe(
      "Hi Camille, Alex here about #42 on Local server. Bye Camille!",
    );
  });

  it("leaves unknown variables and near misses exactly as typed", () => {
    expect(renderSnippet("{user} {Member} { member } {member", values)).toBe(
      "{user} {Member} { member } {member",
    );
  });

  it("never expands what a value brings in: a member named {ticket} stays {ticket}", () => {
    expect(renderSnippet("Hi {member} ({ticket})", { ...values, member: "{ticket}{agent}" })).toBe(
      "Hi {ticket}{agent} (#42)",
    );
  });

  it("keeps a variable whose value is unknown", () => {
    expect(renderSnippet("Hi {member} from {server}", { member: "Camille" })).toBe(
      "Hi Camille from {server}",
    );
  });

  it("treats $ in values literally (no replacement patterns)", () => {
    expect(renderSnippet("Hi {member}", { member: "$& $1 $$" })).toBe("Hi $& $1 $$");
  });
});
