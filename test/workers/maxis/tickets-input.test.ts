/**
 * Bad input to /ticket: each gets a clear, private, localized answer and writes nothing; member text
 * with Markdown or mentions is shown as typed and pings nobody. Crafted interactions stand for what a
 * modified client could send past Discord's own checks (choices, max lengths).
 */
import { exports } from "cloudflare:workers";
import { type APIInteraction, ComponentType, InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import { sendInteraction } from "../support/discord";
import {
  countSupabaseCalls,
  createdNumber,
  definitions,
  freshCast,
  homeCast,
  messageOf,
  privateText,
  run,
  staffPostsFor,
  submitModal,
  visibleText,
  waitForRequests,
} from "./tickets-support";

describe("bad input to /ticket", () => {
  it("refuses text that is too long, and writes nothing", async () => {
    const { memberA } = freshCast();
    expect(privateText(await run(memberA, `/ticket create subject:${"s".repeat(101)} description:x`))).toBe(
      "The subject is too long: at most 100 characters.",
    );
    expect(
      privateText(await run(memberA, `/ticket create subject:Long description:${"d".repeat(4001)}`)),
    ).toBe("The description is too long: at most 4000 characters.");
    expect(visibleText(await run(memberA, "/ticket list"))).toContain("No tickets here.");

    await run(memberA, "/ticket create subject:Short description:Fine");
    expect(privateText(await run(memberA, `/ticket reply ticket:1 message:${"m".repeat(2001)}`))).toBe(
      "The message is too long: at most 2000 characters.",
    );
    expect(privateText(await run(memberA, `/ticket close ticket:1 reason:${"r".repeat(501)}`))).toBe(
      "The reason is too long: at most 500 characters.",
    );
    const view = visibleText(await run(memberA, "/ticket view ticket:1"));
    expect(view).toContain("No replies yet.");
    expect(view).toContain("🟢 Open");
  });

  it("reads a category typed by its name in the member's language rather than picked", async () => {
    const { memberA } = freshCast("fr");
    const created = await run(
      memberA,
      "/ticket create subject:Facture description:Copie category:Facturation",
    );
    expect(privateText(created)).toMatch(/^Le ticket \*\*#1\*\* est ouvert/);
    expect(visibleText(await run(memberA, "/ticket view ticket:1"))).toContain("Facturation");
    expect(
      privateText(await run(memberA, "/ticket create subject:X description:y category:Remboursement")),
    ).toBe("Catégorie inconnue. Choisissez l'une des catégories de ce serveur dans la liste.");
  });

  it("refuses empty text in French", async () => {
    const { memberA } = freshCast("fr");
    expect(
      privateText(
        await submitModal(memberA, "ticket-create:general:medium", { subject: "   ", description: "x" }),
      ),
    ).toBe("Le sujet est vide. Donnez un titre court à votre ticket.");
    expect(
      privateText(
        await submitModal(memberA, "ticket-create:general:medium", {
          subject: "Sujet",
          description: "\n \t",
        }),
      ),
    ).toBe("La description est vide. Dites-nous ce qui s'est passé.");
    await run(memberA, "/ticket create subject:Sujet description:Texte");
    expect(privateText(await run(memberA, "/ticket reply ticket:1 message:   "))).toBe(
      "Le message est vide.",
    );
    expect(visibleText(await run(memberA, "/ticket list"))).toContain("Page 1/1 · 1 ticket");
  });

  it("refuses a malformed category or an unknown priority before any database call", async () => {
    const { memberA } = freshCast();
    for (const [line, answer] of [
      [
        "/ticket create subject:x description:y category:Lottery!",
        "Unknown category. Choose one of this server's categories from the list.",
      ],
      [
        "/ticket create subject:x description:y priority:urgent!!",
        "Unknown priority. Choose one of: Critical, High, Medium, Low.",
      ],
    ] as const) {
      let text = "";
      expect(await countSupabaseCalls(async () => (text = privateText(await run(memberA, line))))).toEqual(
        [],
      );
      expect(text).toBe(answer);
    }
    // The form carries the choices in its custom_id, which a client could edit.
    expect(
      privateText(
        await submitModal(memberA, "ticket-create:Lottery!:medium", { subject: "x", description: "y" }),
      ),
    ).toBe("Unknown category. Choose one of this server's categories from the list.");
    expect(visibleText(await run(memberA, "/ticket list"))).toContain("No tickets here.");
  });

  it("names the categories and priorities in French for a French member, as the choices show them", async () => {
    const { memberA } = freshCast("fr");
    expect(privateText(await run(memberA, "/ticket create subject:x description:y category:loterie"))).toBe(
      "Catégorie inconnue. Choisissez l'une des catégories de ce serveur dans la liste.",
    );
    expect(
      privateText(
        await submitModal(memberA, "ticket-create:general:urgente", { subject: "x", description: "y" }),
      ),
    ).toBe("Priorité inconnue. Choisissez parmi : Critique, Haute, Moyenne, Basse.");
    expect(visibleText(await run(memberA, "/ticket list"))).toContain("Aucun ticket ici.");
  });

  it("refuses a ticket id that is not a number before any database call", async () => {
    const { memberA } = freshCast();
    for (const line of [
      "/ticket view ticket:abc",
      "/ticket reply ticket:4x message:hi",
      "/ticket close ticket:#",
      "/ticket view ticket:0",
    ]) {
      let text = "";
      expect(
        await countSupabaseCalls(async () => (text = privateText(await run(memberA, line)))),
        line,
      ).toEqual([]);
      expect(text, line).toMatch(/^“.*” is not a ticket number\. Type it like 42 or #42\.$/);
    }
    // What was typed is quoted back as plain text, like any member text.
    expect(privateText(await run(memberA, "/ticket view ticket:**@here**"))).toBe(
      "“\\*\\*\\@here\\*\\*” is not a ticket number. Type it like 42 or #42.",
    );
    // Quoted by characters: an emoji across the 20th place is kept whole, never cut in half (Discord
    // refuses a whole answer holding half of one). Compared as a boolean: a lone surrogate in a failure
    // message breaks the test runner's own channel.
    const emoji = `${"x".repeat(19)}🎉🎉`;
    const quoted = privateText(await run(memberA, `/ticket view ticket:${emoji}`));
    expect(quoted === `“${"x".repeat(19)}🎉” is not a ticket number. Type it like 42 or #42.`).toBe(true);
    const fr = freshCast("fr").memberA;
    expect(privateText(await run(fr, "/ticket view ticket:abc"))).toBe(
      "« abc » n'est pas un numéro de ticket. Écrivez-le comme 42 ou #42.",
    );
  });

  it("refuses tickets outside a server", async () => {
    const { memberA } = freshCast();
    const inGuild = commandInteraction(
      memberA,
      parseCommandLine("/ticket list", definitions),
    ) as APIInteraction & {
      member?: { user: unknown };
      guild_id?: string;
      user?: unknown;
    };
    const { member, guild_id: _guild, ...rest } = inGuild;
    const inDm = { ...rest, user: member?.user } as unknown as APIInteraction;
    const { response } = await sendInteraction(exports.default, inDm);
    expect(privateText(response)).toBe("Tickets belong to a server: use this command inside one.");
  });
});

describe("member text with Markdown and mentions", () => {
  it("is shown exactly as typed, everywhere, and pings nobody", async () => {
    const { memberA, staff } = freshCast();
    const created = await run(
      memberA,
      "/ticket create subject:@everyone **FREE NITRO** description:[click](https://evil.example) <@&1300000000000000030> # Title",
    );
    expect(privateText(created)).toContain("**\\@everyone \\*\\*FREE NITRO\\*\\***");

    const view = messageOf(await run(memberA, "/ticket view ticket:1"));
    expect(view.allowed_mentions).toEqual({ parse: [] });
    expect(view.embeds?.[0]?.title).toBe("#1 · \\@everyone \\*\\*FREE NITRO\\*\\*");
    expect(view.embeds?.[0]?.description).toBe(
      "\\[click\\](https://evil.example) \\<\\@&1300000000000000030\\> \\# Title",
    );

    await run(memberA, "/ticket reply ticket:1 message:@here ||spoiler|| `code`");
    expect(messageOf(await run(staff, "/ticket view ticket:1")).embeds?.[1]?.description).toContain(
      "\\@here \\|\\|spoiler\\|\\| \\`code\\`",
    );
    const list = messageOf(await run(staff, "/ticket list"));
    expect(list.embeds?.[0]?.description).toContain("**\\@everyone \\*\\*FREE NITRO\\*\\***");

    // The staff channel post too (posted for the staff channel's own server only).
    const home = homeCast().memberA;
    const number = createdNumber(
      await run(
        home,
        "/ticket create subject:@everyone **FREE NITRO** description:[click](https://evil.example) <@&1300000000000000030> # Title",
      ),
    );
    const [post] = await waitForRequests(staffPostsFor(home.userId));
    expect(post?.body).toMatchObject({
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: `#${number} · \\@everyone \\*\\*FREE NITRO\\*\\*`,
          description: "\\[click\\](https://evil.example) \\<\\@&1300000000000000030\\> \\# Title",
        },
      ],
    });
  });
});

describe("the create form", () => {
  it("opens when the text is missing, keeping what was typed and chosen, in the member's language", async () => {
    const { memberA } = freshCast("fr");
    const calls = await countSupabaseCalls(async () => {
      const response = await run(memberA, "/ticket create subject:Connexion category:account priority:high");
      expect(response.type).toBe(InteractionResponseType.Modal);
      if (response.type !== InteractionResponseType.Modal) return;
      expect(response.data).toMatchObject({
        custom_id: "ticket-create:account:high",
        title: "Ouvrir un ticket de support",
        components: [
          {
            type: ComponentType.Label,
            label: "Sujet",
            component: {
              type: ComponentType.TextInput,
              custom_id: "subject",
              value: "Connexion",
              max_length: 100,
            },
          },
          {
            type: ComponentType.Label,
            label: "Description",
            component: {
              type: ComponentType.TextInput,
              custom_id: "description",
              max_length: 4000,
              required: true,
            },
          },
        ],
      });
    });
    expect(calls).toEqual([]);

    const submitted = await submitModal(memberA, "ticket-create:account:high", {
      subject: "Connexion",
      description: "Impossible de me connecter",
    });
    expect(privateText(submitted)).toMatch(/^Le ticket \*\*#1\*\* est ouvert : \*\*Connexion\*\*/);
    const view = visibleText(await run(memberA, "/ticket view ticket:1"));
    expect(view).toContain("Compte");
    expect(view).toContain("🟠 Haute");
    expect(view).toContain("Impossible de me connecter");
  });
});
