import { ApplicationCommandOptionType } from "discord-api-types/payloads/v10";
import type { APIApplicationCommandOption, APIApplicationCommandOptionChoice } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { TICKET_PRIORITIES } from "./rpc";
import { ticketCommand, ticketStaffCommand } from "./ticket-command";

const both = [ticketCommand, ticketStaffCommand];

/** Discord's rule for command and option names, in every locale. */
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

type Named = {
  name: string;
  name_localizations?: Record<string, string | null> | null;
  description?: string;
  description_localizations?: Record<string, string | null> | null;
};

function everyOption(options: readonly APIApplicationCommandOption[] = []): APIApplicationCommandOption[] {
  return options.flatMap((option) => [
    option,
    ...("options" in option && option.options ? everyOption(option.options) : []),
  ]);
}

const subcommand = (name: string) => both.flatMap((c) => c.data.options ?? []).find((o) => o.name === name);
const choicesOf = (sub: string, option: string) => {
  const found = everyOption(subcommand(sub) ? [subcommand(sub) as APIApplicationCommandOption] : []).find(
    (o) => o.name === option && o.type === ApplicationCommandOptionType.String,
  );
  return (found && "choices" in found ? (found.choices ?? []) : []) as APIApplicationCommandOptionChoice[];
};

describe("the /ticket command as registered with Discord", () => {
  it.each(both.map((c) => [c.data.name, c] as const))(
    "%s names and describes every subcommand and option in English and French, within Discord's limits",
    (_, command) => {
      const named: Named[] = [command.data as Named, ...everyOption(command.data.options)];
      for (const item of named) {
        const french = item.name_localizations?.["fr"];
        if (item !== command.data) {
          expect(french, item.name).toBeTruthy();
          expect(french, item.name).toMatch(NAME);
          expect(french, item.name).toBe(french?.toLowerCase());
        }
        expect(item.name).toMatch(NAME);
        expect(item.name).toBe(item.name.toLowerCase());
        const frenchDescription = item.description_localizations?.["fr"] ?? "";
        for (const description of [item.description ?? "", frenchDescription]) {
          expect(description.length, item.name).toBeGreaterThan(0);
          expect(description.length, item.name).toBeLessThanOrEqual(100);
        }
        expect(frenchDescription, item.name).not.toBe(item.description);
      }
    },
  );

  it.each(both.map((c) => [c.data.name, c] as const))(
    "%s stays under Discord's size limit for one command in each language",
    (_, command) => {
      for (const locale of ["en", "fr"] as const) {
        const size = (item: Named & { choices?: APIApplicationCommandOptionChoice[] }): number =>
          (locale === "fr" ? (item.name_localizations?.["fr"] ?? item.name) : item.name).length +
          ((locale === "fr" ? item.description_localizations?.["fr"] : item.description) ?? "").length +
          (item.choices ?? []).reduce(
            (sum, c) =>
              sum +
              (locale === "fr" ? (c.name_localizations?.["fr"] ?? c.name) : c.name).length +
              String(c.value).length,
            0,
          );
        const total = [command.data as Named, ...everyOption(command.data.options)].reduce(
          (sum, item) => sum + size(item as Named),
          0,
        );
        expect(total, locale).toBeLessThanOrEqual(4000);
      }
    },
  );

  it("suggests the server's categories as the member types, and offers priority as localized choices", () => {
    const category = everyOption([subcommand("create") as APIApplicationCommandOption]).find(
      (o) => o.name === "category",
    );
    // Each server has its own categories: Discord asks as the member types (category-option.ts).
    expect(category).toMatchObject({ autocomplete: true });
    expect(choicesOf("create", "category")).toEqual([]);
    const priority = choicesOf("create", "priority");
    expect(priority.map((c) => c.value)).toEqual([...TICKET_PRIORITIES]);
    expect(priority.map((c) => c.name_localizations?.["fr"])).toEqual([
      "Critique",
      "Haute",
      "Moyenne",
      "Basse",
    ]);
    expect(choicesOf("priority", "priority").map((c) => c.value)).toEqual([...TICKET_PRIORITIES]);
  });

  it("lists required options first, as Discord demands, and only in a server", () => {
    for (const sub of both.flatMap((c) => c.data.options ?? [])) {
      const options = "options" in sub ? (sub.options ?? []) : [];
      const required = options.map((o) => Boolean("required" in o && o.required));
      expect(required, sub.name).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
    for (const command of both) {
      expect(command.data.contexts, command.data.name).toEqual([0]);
      expect(command.data.integration_types, command.data.name).toEqual([0]);
    }
  });

  it("puts the staff subcommands in /ticket-staff, hidden from members by default", () => {
    expect(ticketCommand.data.options?.map((o) => o.name)).toEqual([
      "create",
      "list",
      "view",
      "reply",
      "close",
      "reopen",
      "transcript",
      // Admins only (checked on the command): the issue names it /ticket panel.
      "panel",
    ]);
    expect(ticketCommand.data.default_member_permissions).toBeUndefined();
    expect(ticketStaffCommand.data.options?.map((o) => o.name)).toEqual([
      "assign",
      "note",
      "status",
      "priority",
      "stats",
      "close-request",
    ]);
    // Manage Server (1 << 5), which makes an admin; staff by role see it once an admin allows their
    // roles in the server's Integrations settings. Manage Messages alone no longer makes staff.
    expect(ticketStaffCommand.data.default_member_permissions).toBe(String(1n << 5n));
  });
});
