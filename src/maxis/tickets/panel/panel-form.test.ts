import { describe, expect, it } from "vitest";
import type { TicketCategory } from "../../../shared/contracts/settings";
import { categoryFormModal } from "./panel-form";

// 45 characters as the database counts them (code points), 46 UTF-16 units: what a server may save.
const label = `${"a".repeat(44)}🎫`;
const category: TicketCategory = {
  key: "events",
  position: 0,
  labelEn: label,
  labelFr: label,
  emoji: null,
  questions: [{ label, placeholder: `${"p".repeat(99)}🎫`, style: "short", required: true }],
  enabled: true,
  staffRoleIds: [],
};

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("a category's form", () => {
  it("fits an emoji-ending label to Discord's limits without cutting the emoji in half", () => {
    const form = JSON.stringify(categoryFormModal(category, "en"));
    // A boolean: a lone surrogate in a failure message breaks the test runner's own channel.
    expect(loneSurrogate.test(form)).toBe(false);
    const { data } = categoryFormModal(category, "en") as unknown as {
      data: { title: string; components: { label: string; component: { placeholder: string } }[] };
    };
    expect(data.title).toBe("a".repeat(44));
    expect(data.components[0]?.label).toBe("a".repeat(44));
    expect(data.components[0]?.component.placeholder).toBe("p".repeat(99));
  });
});
