import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../../../shared/i18n";
import { buttonsOf, ticketFixture } from "./fixtures.test-support";
import { staffPost } from "./staff-post";

const en = translatorFor("en");

describe("staffPost", () => {
  it("announces a new ticket with Assign-to-me and Close", () => {
    const post = staffPost(en, ticketFixture(), undefined);
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
            custom_id: "ticket-staff:assign:42",
            disabled: false,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: "Close",
            custom_id: "ticket-staff:close:42",
            disabled: false,
          },
        ],
      },
    ]);
  });

  it("says who took it, keeping the first post's description", () => {
    const { description: _d, ...summary } = ticketFixture({ assigneeId: "222", status: "in_progress" });
    const post = staffPost(en, summary, "It fails", { action: "assign", staffId: "222" });
    expect(post.content).toBe("New ticket **#42** from <@1300000000000000111>\nAssigned to <@222>.");
    expect(post.embeds?.[0]?.description).toBe("It fails");
  });

  it("disables the buttons once closed", () => {
    const post = staffPost(
      en,
      ticketFixture({ status: "closed", closedAt: "2026-11-24T11:00:00.000Z" }),
      "x",
      {
        action: "close",
        staffId: "222",
      },
    );
    expect(post.content).toContain("Closed by <@222>.");
    const buttons = buttonsOf(post);
    expect(buttons.every((b) => b.disabled)).toBe(true);
  });
});
