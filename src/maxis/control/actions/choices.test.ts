import { describe, expect, it } from "vitest";
import { serverChoice } from "./choices";

const ID = "1300000000000000920";

describe("a server as a /maxis promo server suggestion", () => {
  it("keeps the id of a long-named server, cutting its name instead (Discord shows 100 characters)", () => {
    const choice = serverChoice({ id: ID, name: "A".repeat(100) });
    expect(choice.value).toBe(ID);
    expect(choice.name).toHaveLength(100);
    expect(choice.name.endsWith(`… (${ID})`)).toBe(true);
  });

  it("never cuts an emoji in half nor passes a NUL: Discord would refuse every suggestion", () => {
    const choice = serverChoice({ id: ID, name: `${"x".repeat(76)}🎉🎉🎉\u0000 tail` });
    expect(choice.name).toBe(`${"x".repeat(76)}… (${ID})`);
    expect(serverChoice({ id: ID, name: "Nul\u0000l" }).name).toBe(`Nul l (${ID})`);
  });

  it("shows a server's name as text however it is written, and the id alone when Discord gave none", () => {
    expect(serverChoice({ id: ID, name: "@everyone [x](https://x)" }).name).toBe(
      `@everyone [x](https://x) (${ID})`,
    );
    expect(serverChoice({ id: ID, name: null })).toEqual({ name: ID, value: ID });
  });
});
