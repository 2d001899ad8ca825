/**
 * A category a server's admins added (issue 11 §1, §3), through the real Worker, Postgres and the
 * Discord stand-in: `/ticket create category:` suggests the server's enabled categories in the
 * member's language, the new category opens tickets from the command and from the panel (its menu →
 * its own form → a ticket), and its staff roles decide which staff see them.
 */
import { env } from "cloudflare:workers";
import type { APIInteractionResponse, APIModalInteractionResponseCallbackData } from "discord-api-types/v10";
import { InteractionResponseType } from "discord-api-types/v10";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { supabaseAs } from "../../../src/maxis/supabase/client";
import { choose, configureServer, newChannel } from "./panel-support";
import {
  autocomplete,
  createdNumber,
  privateText,
  run,
  runKeeping,
  snowflake,
  submitModal,
  visibleText,
  waitForRequests,
} from "./tickets-support";

const choices = (response: APIInteractionResponse) =>
  response.type === InteractionResponseType.ApplicationCommandAutocompleteResult
    ? response.data.choices
    : undefined;

function formOf(response: APIInteractionResponse): APIModalInteractionResponseCallbackData {
  expect(response.type).toBe(InteractionResponseType.Modal);
  return (response as { data: APIModalInteractionResponseCallbackData }).data;
}

describe("a category the server added", () => {
  const server = snowflake();
  const staffRole = snowflake();
  const eventsRole = snowflake();
  const member: Actor = { userId: snowflake(), guildId: server, locale: "fr" };
  const eventsStaff: Actor = { userId: snowflake(), guildId: server, roles: [staffRole, eventsRole] };
  const otherStaff: Actor = { userId: snowflake(), guildId: server, roles: [staffRole] };

  beforeAll(async () => {
    await configureServer(server, {
      staffRoleIds: [staffRole],
      categories: { suggestion: { enabled: false } },
    });
    const admin = await supabaseAs(env, {
      userId: snowflake(),
      appRole: "admin",
      guildId: server,
      roleIds: [],
    });
    const added = await admin.rpc("ticket_category_create", {
      p_category: {
        key: "events",
        labelEn: "Events",
        labelFr: "Événements",
        emoji: "🎉",
        staffRoleIds: [eventsRole],
        questions: [
          { label: "Event date", placeholder: "24/12", style: "short", required: true },
          { label: "Tell us more", style: "paragraph", required: false },
        ],
      },
    });
    expect(added.error).toBeNull();
  });

  // The first interaction starts the Worker: a longer timeout.
  it("is suggested by /ticket create in the member's language, with the other enabled ones", {
    timeout: 30_000,
  }, async () => {
    const all = choices(await autocomplete(member, "/ticket create category:", "category"));
    expect(all?.map((c) => c.value)).toEqual(["general", "billing", "technical", "bug", "account", "events"]);
    expect(choices(await autocomplete(member, "/ticket create category:évé", "category"))).toEqual([
      { name: "🎉 Événements", value: "events" },
    ]);
    const english: Actor = { ...member, locale: "en-US" };
    expect(choices(await autocomplete(english, "/ticket create category:ev", "category"))).toEqual([
      { name: "🎉 Events", value: "events" },
    ]);
    // A disabled category is not offered.
    expect(choices(await autocomplete(english, "/ticket create category:sugg", "category"))).toEqual([]);
  });

  it("is suggested to admins by /setup category-role, turned off ones too, and to nobody else", async () => {
    const admin: Actor = { userId: snowflake(), guildId: server, administrator: true, locale: "fr" };
    const line = "/setup category-role role:1 category:";
    expect(choices(await autocomplete(admin, `${line}év`, "category"))).toEqual([
      { name: "🎉 Événements", value: "events" },
    ]);
    expect(choices(await autocomplete(admin, `${line}sugg`, "category"))?.map((c) => c.value)).toEqual([
      "suggestion",
    ]);
    expect(choices(await autocomplete(member, `${line}év`, "category"))).toEqual([]);
  });

  it("opens a ticket from /ticket create, seen by its staff role only", async () => {
    const created = await run(
      member,
      "/ticket create subject:Tournoi description:Peut-on en organiser un ? category:events",
    );
    const number = createdNumber(created);
    expect(visibleText(await run(eventsStaff, `/ticket view ticket:${number}`))).toContain("Tournoi");
    expect(privateText(await run(otherStaff, `/ticket view ticket:${number}`))).toContain("was not found");
    // A key the server does not have is refused, in the member's language.
    expect(
      privateText(await run(member, "/ticket create subject:x description:y category:raffle")),
    ).toContain("Catégorie inconnue");
  });

  it("appears on the panel (a menu beyond five) and its form opens a ticket", {
    timeout: 30_000,
  }, async () => {
    const admin: Actor = { userId: snowflake(), guildId: server, administrator: true, locale: "fr" };
    const channel = await newChannel(server);
    const { response } = await runKeeping(admin, `/ticket panel channel:${channel}`);
    expect(response.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const [post] = await waitForRequests((requests) =>
      requests.filter((r) => r.path.startsWith(`/channels/${channel}/messages`) && r.method === "POST"),
    );
    const menu = JSON.stringify(post?.body);
    expect(menu).toContain('"value":"events"');
    expect(menu).toContain('"label":"Events"');

    const form = formOf(await choose(member, "ticket-panel", ["events"]));
    expect(form.custom_id).toBe("ticket-panel-form:events");
    expect(form.title).toBe("Événements");
    expect(JSON.stringify(form.components)).toContain('"label":"Event date"');
    const created = await submitModal(member, "ticket-panel-form:events", { q0: "24/12", q1: "Un tournoi" });
    expect(privateText(created)).toContain("**Événements : 24/12**");
    const number = createdNumber(created);
    const view = visibleText(await run(eventsStaff, `/ticket view ticket:${number}`));
    expect(view).toContain("Event date");
    expect(view).toContain("Un tournoi");
    expect(privateText(await run(otherStaff, `/ticket view ticket:${number}`))).toContain("was not found");
  });
});
