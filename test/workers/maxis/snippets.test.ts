/**
 * Canned replies from Discord: `/ticket reply snippet:` autocompletes the server's snippet names for
 * staff (one database call, at most 25), and sends the snippet in the ticket's language with its
 * variables filled in; members get neither.
 */
import { env } from "cloudflare:workers";
import { InteractionResponseType } from "discord-api-types/v10";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { LOCAL_MEMBER_ID, LOCAL_STAFF_ROLE_ID } from "../../../scripts/lib/local-identities";
import { supabaseAs } from "../../../src/maxis/supabase/client";
import {
  autocomplete,
  countSupabaseCalls,
  createdNumber,
  privateText,
  run,
  snowflake,
  visibleText,
} from "./tickets-support";

const guildId = snowflake();
// A seeded person of the Discord stand-in, so that {member} has a name to become.
const camille: Actor = { userId: LOCAL_MEMBER_ID, guildId, locale: "fr" };
const alex: Actor = { userId: snowflake(), guildId, roles: [LOCAL_STAFF_ROLE_ID], locale: "en-US" };
const member: Actor = { userId: snowflake(), guildId, locale: "en-US" };
/** The stand-in's name for any server but the home one. */
const server = `Local server ${guildId.slice(-4)}`;

const choices = (response: Awaited<ReturnType<typeof autocomplete>>) =>
  response.type === InteractionResponseType.ApplicationCommandAutocompleteResult
    ? response.data.choices
    : null;

beforeAll(async () => {
  const added = await fetch(`${inject("discordLocalUrl")}/__local/guilds`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: guildId }),
  });
  expect(added.status).toBe(204);
  // The first interaction creates the server's settings; then an admin writes the snippets.
  await run(member, "/ticket list");
  const admin = await supabaseAs(env, { userId: snowflake(), appRole: "admin", guildId, roleIds: [] });
  const made = await admin.rpc("ticket_snippet_create", {
    p_name: "Refund",
    p_body_en: "Hello {member}, {agent} here: ticket {ticket} on {server} is refunded. {unknown}",
    p_body_fr: "Bonjour {member}, ici {agent} : le ticket {ticket} sur {server} est remboursé. {inconnu}",
  });
  expect(made.error).toBeNull();
  for (let i = 0; i < 30; i += 1) {
    const more = await admin.rpc("ticket_snippet_create", {
      p_name: `Reply ${String(i).padStart(2, "0")}`,
      p_body_en: `Reply ${i}`,
      p_body_fr: "",
    });
    expect(more.error).toBeNull();
  }
}, 30_000);

describe("/ticket reply snippet:", () => {
  it("autocompletes the server's snippet names for staff, at most 25, in one database call", async () => {
    let answer: Awaited<ReturnType<typeof autocomplete>> | undefined;
    const calls = await countSupabaseCalls(async () => {
      answer = await autocomplete(alex, "/ticket reply ticket:1 snippet:ref", "snippet");
    });
    expect(calls).toEqual(["ticket_snippet_choices"]);
    expect(choices(answer as Awaited<ReturnType<typeof autocomplete>>)).toEqual([
      { name: "Refund", value: "Refund" },
    ]);
    const all = choices(await autocomplete(alex, "/ticket reply ticket:1 snippet:", "snippet"));
    expect(all).toHaveLength(25);
    // Names starting with what was typed come first.
    expect(choices(await autocomplete(alex, "/ticket reply ticket:1 snippet:re", "snippet"))?.[0]).toEqual({
      name: "Refund",
      value: "Refund",
    });
  });

  it("suggests nothing to members, without asking the database", async () => {
    let answer: Awaited<ReturnType<typeof autocomplete>> | undefined;
    const calls = await countSupabaseCalls(async () => {
      answer = await autocomplete(member, "/ticket reply ticket:1 snippet:", "snippet");
    });
    expect(calls).toEqual([]);
    expect(choices(answer as Awaited<ReturnType<typeof autocomplete>>)).toEqual([]);
  });

  it("sends the snippet in the ticket's language with its variables filled in, then what was typed", async () => {
    const number = createdNumber(
      await run(camille, "/ticket create subject:Remboursement description:Où est-il ?"),
    );
    const answer = privateText(
      await run(alex, `/ticket reply ticket:${number} snippet:refund message:Merci de votre patience.`),
    );
    expect(answer).toBe(`Your reply was added to ticket **#${number}**.`);
    const thread = visibleText(await run(camille, `/ticket view ticket:${number}`));
    expect(thread).toContain("Bonjour Camille Dubois, ici ");
    // The thread shows member text escaped: the # of "#2" comes back as \#.
    expect(thread).toContain(`le ticket \\#${number} sur ${server} est remboursé.`);
    // Unknown variables stay as the admin typed them; the typed message follows.
    expect(thread).toContain("{inconnu}");
    expect(thread).toContain("Merci de votre patience.");
  });

  it("uses the English text for an English ticket", async () => {
    const english: Actor = { ...camille, locale: "en-US" };
    const number = createdNumber(await run(english, "/ticket create subject:Refund description:Where?"));
    await run(alex, `/ticket reply ticket:${number} snippet:Refund`);
    const thread = visibleText(await run(english, `/ticket view ticket:${number}`));
    expect(thread).toContain(`Hello Camille Dubois,`);
    expect(thread).toContain(`ticket \\#${number} on ${server} is refunded. {unknown}`);
  });

  it("refuses a member's snippet and an unknown snippet, sending nothing", async () => {
    const number = createdNumber(await run(member, "/ticket create subject:Mine description:x"));
    expect(privateText(await run(member, `/ticket reply ticket:${number} snippet:Refund`))).toBe(
      "Only the support team can do this.",
    );
    expect(privateText(await run(alex, `/ticket reply ticket:${number} snippet:Nope`))).toBe(
      "This server has no canned reply of that name. Pick one from the list.",
    );
    expect(
      privateText(await run({ ...alex, locale: "fr" }, `/ticket reply ticket:${number} snippet:Nope`)),
    ).toBe("Ce serveur n'a pas de réponse type de ce nom. Choisissez-en une dans la liste.");
    expect(visibleText(await run(member, `/ticket view ticket:${number}`))).toContain("No replies yet.");
  });
});
