import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n";
import { buttonsOf, catalogueNames, ticketFixture } from "./fixtures.test-support";
import { staffPost } from "./staff-post";

const en = translatorFor("en");
const fr = translatorFor("fr");

describe("staffPost", () => {
  it("announces a new ticket with Assign-to-me, Close and Ask to close, naming its server and number", () => {
    const post = staffPost(en, ticketFixture(), "It fails", catalogueNames("en"));
    expect(post.content).toBe("New ticket **#42** from <@1300000000000000111>");
    expect(post.embeds?.[0]?.description).toBe("It fails");
    expect(post.components).toEqual([
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: "Assign to me",
            custom_id: "ticket-staff:assign:1300000000000000010:42",
            disabled: false,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: "Close",
            custom_id: "ticket-staff:close:1300000000000000010:42",
            disabled: false,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: "Ask to close",
            custom_id: "ticket-ask-close:1300000000000000010:42",
            disabled: false,
          },
        ],
      },
    ]);
  });

  it("addresses a ticket of a category kept to some roles to those roles alone, without its text", () => {
    const kept = () => ["1300000000000000031", "1300000000000000032"];
    const post = staffPost(fr, ticketFixture(), "Carte débitée deux fois", catalogueNames("fr"), kept);
    expect(post.content).toBe(
      "Nouveau ticket **#42** de <@1300000000000000111>\nPour <@&1300000000000000031>, <@&1300000000000000032> uniquement : cette catégorie est la leur. Ouvrez-le avec `/ticket view`.",
    );
    expect(post.allowed_mentions).toEqual({
      parse: [],
      roles: ["1300000000000000031", "1300000000000000032"],
    });
    expect(post.embeds?.[0]?.title).toBe("#42");
    expect(post.embeds?.[0]?.description).toBeUndefined();
    expect(staffPost(en, ticketFixture(), "It fails", catalogueNames("en")).allowed_mentions).toBeUndefined();
  });

  it("says who has it, keeping the description it is given", () => {
    const { description: _d, ...summary } = ticketFixture({ assigneeId: "222", status: "in_progress" });
    const post = staffPost(en, summary, "It fails", catalogueNames("en"));
    expect(post.content).toBe("New ticket **#42** from <@1300000000000000111>\nAssigned to <@222>.");
    expect(post.embeds?.[0]?.description).toBe("It fails");
  });

  it("says who closed it, or that the system did, and disables the buttons", () => {
    const closed = { status: "closed" as const, closedAt: "2026-11-24T11:00:00.000Z" };
    const post = staffPost(en, ticketFixture({ ...closed, closedBy: "222" }), "x", catalogueNames("en"));
    expect(post.content).toContain("Closed by <@222>.");
    expect(buttonsOf(post).every((b) => b.disabled)).toBe(true);
    expect(staffPost(en, ticketFixture(closed), "x", catalogueNames("en")).content).toContain(
      "Closed automatically after a long silence.",
    );
  });

  it("warns when the member's last DM was refused, in the post's language", () => {
    const ticket = ticketFixture({ dmFailure: { reason: "dms_closed", at: "2026-11-24T11:00:00.000Z" } });
    expect(staffPost(en, ticket, "x", catalogueNames("en")).content).toBe(
      "New ticket **#42** from <@1300000000000000111>\n⚠️ The last DM to <@1300000000000000111> was not delivered: they do not accept DMs from this server.",
    );
    expect(staffPost(fr, ticket, "x", catalogueNames("fr")).content).toContain(
      "⚠️ Le dernier message privé à <@1300000000000000111> n'a pas été remis : ce membre n'accepte pas les messages privés de ce serveur.",
    );
  });
});
