import { InteractionType } from "discord-api-types/payloads/v10";
import { describe, expect, it } from "vitest";
import {
  buttonInteraction,
  commandInteraction,
  modalSubmitInteraction,
  pingInteraction,
} from "../../../scripts/lib/interaction-builder";
import { parseInteraction } from "./envelope";

const member = { userId: "1300000000000000111", locale: "fr" };
/** As the Worker sees it: parsed from JSON, not the builder's object. */
const asReceived = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe("parseInteraction", () => {
  it("recognises PING", () => {
    expect(parseInteraction(asReceived(pingInteraction()))).toEqual({ kind: "ping" });
  });

  it("passes commands, buttons and modal submits through whole, unknown fields included", () => {
    for (const built of [
      commandInteraction(member, { name: "ticket", options: [] }),
      commandInteraction(member, { name: "ticket", options: [] }, true),
      buttonInteraction(member, "page:open:2"),
      modalSubmitInteraction(member, "form:create", { subject: "Hi" }),
    ]) {
      const received = { ...asReceived(built), field_from_the_future: { any: ["shape"] } };
      expect(parseInteraction(received)).toEqual({ kind: "interaction", interaction: received });
    }
  });

  it("accepts a DM interaction, with user instead of member", () => {
    const {
      member: inGuild,
      guild_id: _guild,
      ...rest
    } = asReceived(commandInteraction(member, { name: "ticket", options: [] }));
    const received = { ...rest, user: (inGuild as { user: unknown }).user };
    expect(parseInteraction(received).kind).toBe("interaction");
  });

  it("reads nested subcommands and option values as Discord sends them", () => {
    const received = asReceived(
      commandInteraction(member, {
        name: "maxis",
        options: [
          {
            name: "promo",
            type: 2,
            options: [{ name: "create", type: 1, options: [{ name: "percent", type: 4, value: 20 }] }],
          },
        ],
      }),
    );
    expect(parseInteraction(received).kind).toBe("interaction");
  });

  it("answers an unknown type with its locale, without asking more of it", () => {
    const { member: _member, ...rest } = asReceived(commandInteraction(member, { name: "x", options: [] }));
    const received = { ...rest, type: 99 };
    expect(parseInteraction(received)).toEqual({ kind: "unknown_type", locale: "fr" });
  });

  it("names the first wrong field of what is not an interaction", () => {
    const command = asReceived(commandInteraction(member, { name: "ticket", options: [] }));
    const cases: [unknown, string][] = [
      [{}, "id"],
      [[], "id"],
      [null, "body"],
      [42, "body"],
      [{ ...command, id: 5 }, "id"],
      [{ ...command, token: "a/b" }, "token"],
      [{ ...command, data: { name: "ticket" } }, "data.type"],
      [{ ...command, member: undefined }, "member or user"],
      [{ ...command, member: { ...(command["member"] as object), permissions: "8n" } }, "member.permissions"],
      [{ ...command, type: InteractionType.MessageComponent }, "data.custom_id"],
      [{ ...command, data: { name: "x", type: 1, options: [{ name: "g", type: 2 }] } }, "data.options.0"],
      [
        {
          ...command,
          data: {
            name: "x",
            type: 1,
            options: [
              {
                name: "g",
                type: 2,
                options: [{ name: "s", type: 1, options: [{ name: "v", type: 3, options: [] }] }],
              },
            ],
          },
        },
        "data.options.0.options.0.options.0.options",
      ],
    ];
    for (const [body, field] of cases) {
      expect(parseInteraction(JSON.parse(JSON.stringify(body) ?? "null")), field).toEqual({
        kind: "invalid",
        field,
      });
    }
  });
});
