import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/payloads/v10";
import { describe, expect, it } from "vitest";
import { CommandOptions } from "./options";

describe("CommandOptions", () => {
  it("flattens group → subcommand → values", () => {
    const options = new CommandOptions({
      id: "1",
      name: "ticket",
      type: ApplicationCommandType.ChatInput,
      options: [
        {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: "staff",
          options: [
            {
              type: ApplicationCommandOptionType.Subcommand,
              name: "assign",
              options: [
                { type: ApplicationCommandOptionType.Integer, name: "ticket", value: 42 },
                { type: ApplicationCommandOptionType.String, name: "reason", value: "on leave" },
                { type: ApplicationCommandOptionType.Boolean, name: "notify", value: false },
              ],
            },
          ],
        },
      ],
    });
    expect(options.subcommandGroup).toBe("staff");
    expect(options.subcommand).toBe("assign");
    expect(options.number("ticket")).toBe(42);
    expect(options.string("reason")).toBe("on leave");
    expect(options.boolean("notify")).toBe(false);
    expect(options.string("ticket")).toBeUndefined();
    expect(options.focused).toBeUndefined();
  });

  it("reports the option being typed during autocomplete", () => {
    const options = new CommandOptions({
      id: "1",
      name: "maxis",
      type: ApplicationCommandType.ChatInput,
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: "status",
          options: [
            { type: ApplicationCommandOptionType.String, name: "target", value: "ma", focused: true },
          ],
        },
      ],
    });
    expect(options.focused).toEqual({ name: "target", value: "ma" });
  });
});
