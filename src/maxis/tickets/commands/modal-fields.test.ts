import { ComponentType } from "discord-api-types/payloads/v10";
import type { APIModalSubmissionComponent } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { modalFields } from "./modal-fields";

describe("modalFields", () => {
  it("reads text inputs inside Labels and inside ActionRows alike", () => {
    const components = [
      {
        type: ComponentType.Label,
        id: 1,
        component: { type: ComponentType.TextInput, id: 2, custom_id: "subject", value: "Broken login" },
      },
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: "description", value: "It fails" }],
      },
      { type: ComponentType.TextDisplay, id: 5, content: "hello" },
    ] as unknown as APIModalSubmissionComponent[];
    expect(Object.fromEntries(modalFields(components))).toEqual({
      subject: "Broken login",
      description: "It fails",
    });
  });

  it("gives a select's first value", () => {
    const components = [
      {
        type: ComponentType.Label,
        id: 1,
        component: { type: ComponentType.StringSelect, id: 2, custom_id: "category", values: ["billing"] },
      },
    ] as unknown as APIModalSubmissionComponent[];
    expect(modalFields(components).get("category")).toBe("billing");
  });
});
