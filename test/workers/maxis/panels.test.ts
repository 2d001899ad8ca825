/**
 * `/ticket panel` through the real Worker, Postgres and the Discord stand-in: posted with the server's
 * texts (or the defaults in its language), one button per enabled category or a menu beyond five,
 * updated in place when re-run, posted anew when the message is gone or the channel changed; a click
 * opens the category's form and its answers open the ticket, thread included. Forged or stale
 * custom_ids open nothing.
 */
import {
  ComponentType,
  InteractionResponseType,
  PermissionFlagsBits as P,
} from "discord-api-types/payloads/v10";
import type {
  APIEmbed,
  APIInteractionResponse,
  APIModalInteractionResponseCallbackData,
} from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { waitForDiscordRequests } from "../support/discord";
import { choose, configureServer, customIdsOf, newChannel } from "./panel-support";
import {
  allDiscordRequests,
  click,
  createdNumber,
  privateText,
  run,
  runKeeping,
  scriptFailure,
  snowflake,
  submitModal,
  visibleText,
  waitForRequests,
} from "./tickets-support";

const questions = [
  { label: "Invoice number", placeholder: "INV-…", style: "short", required: true },
  { label: "What went wrong?", style: "paragraph", required: true },
  { label: "Anything else?", style: "paragraph", required: false },
];

type PanelBody = { embeds: APIEmbed[]; components: unknown[]; allowed_mentions: unknown };

/** Runs `/ticket panel` and returns the deferred answer's final text. */
async function postPanel(actor: Actor, channelId: string): Promise<string> {
  const { interaction, response } = await runKeeping(actor, `/ticket panel channel:${channelId}`);
  expect(response.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
  const [edit] = await waitForDiscordRequests(interaction.token);
  return String((edit?.body as { content?: string } | null)?.content);
}

const panelWrites = (channelId: string) => (requests: RecordedRequest[]) =>
  requests.filter((r) => r.path.startsWith(`/channels/${channelId}/messages`) && r.method !== "GET");

/** The id of the message a recorded POST created. */
const postedId = (request: RecordedRequest | undefined) =>
  (request?.response as { id?: string } | undefined)?.id;

function formOf(response: APIInteractionResponse): APIModalInteractionResponseCallbackData {
  expect(response.type).toBe(InteractionResponseType.Modal);
  return (response as { data: APIModalInteractionResponseCallbackData }).data;
}

describe("/ticket panel", () => {
  const server = snowflake();
  const staffRole = snowflake();
  const billingRole = snowflake();
  const admin: Actor = { userId: snowflake(), guildId: server, administrator: true, locale: "fr" };
  const member: Actor = { userId: snowflake(), guildId: server, locale: "fr" };
  let support: string;

  it("posts the default panel in the server's language, one button per enabled category", {
    timeout: 30_000,
  }, async () => {
    support = await newChannel(server);
    await configureServer(server, {
      staffRoleIds: [staffRole],
      supportChannelId: support,
      settings: { defaultLocale: "fr" },
      categories: {
        billing: { questions, staffRoleIds: [billingRole] },
        bug: { enabled: false },
        suggestion: { enabled: false },
      },
    });
    const channel = await newChannel(server);
    expect(await postPanel(admin, channel)).toBe(`Le panneau de tickets est publié dans <#${channel}>.`);
    const [post] = await waitForRequests(panelWrites(channel));
    const body = post?.body as PanelBody;
    expect(body.embeds[0]).toMatchObject({ title: "Besoin d'aide ?" });
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(customIdsOf(body)).toEqual([
      "ticket-panel:general",
      "ticket-panel:billing",
      "ticket-panel:technical",
      "ticket-panel:account",
    ]);
    expect(JSON.stringify(body.components)).toContain('"label":"Facturation"');

    // Re-run: the same message is edited, nothing new is posted.
    expect(await postPanel({ ...admin, locale: "en-US" }, channel)).toBe(
      `The ticket panel in <#${channel}> is up to date.`,
    );
    const writes = await waitForRequests(panelWrites(channel), 2);
    expect(writes.map((w) => w.method)).toEqual(["POST", "PATCH"]);
    const posted = postedId(post);
    expect(writes[1]?.path).toBe(`/channels/${channel}/messages/${posted}`);
  });

  it("posts anew, and remembers it, when the message is gone or the channel changed", async () => {
    const channel = await newChannel(server);
    await postPanel(admin, channel);
    const [first] = await waitForRequests(panelWrites(channel));
    const firstId = postedId(first);
    await scriptFailure({
      method: "PATCH",
      pathPattern: `^/channels/${channel}/messages/${firstId}$`,
      bodyIncludes: "",
      status: 404,
      body: { message: "Unknown Message", code: 10008 },
      times: 1,
    });
    expect(await postPanel(admin, channel)).toContain("est publié");
    const writes = await waitForRequests(panelWrites(channel), 3);
    expect(writes.map((w) => w.method)).toEqual(["POST", "PATCH", "POST"]);
    const secondId = postedId(writes[2]);
    // The new message is the one edited next time.
    expect(await postPanel(admin, channel)).toContain("est à jour");
    const after = await waitForRequests(panelWrites(channel), 4);
    expect(after[3]?.path).toBe(`/channels/${channel}/messages/${secondId}`);
  });

  it("is refused to non-admins and where Maxis cannot post embeds", async () => {
    const channel = await newChannel(server);
    const staff: Actor = { userId: snowflake(), guildId: server, roles: [staffRole, billingRole] };
    expect(privateText(await run(staff, `/ticket panel channel:${channel}`))).toBe(
      "Only this server's administrators (Manage Server) can change its settings.",
    );
    const noEmbeds = await newChannel(server, P.EmbedLinks);
    expect(privateText(await run(admin, `/ticket panel channel:${noEmbeds}`))).toContain(
      "Il y manque : **Intégrer des liens**.",
    );
    expect(
      (await allDiscordRequests()).filter((r) => r.method === "POST" && r.path.includes(noEmbeds)),
    ).toEqual([]);
  });

  it("click → the category's form → a ticket with the answers, its thread and the category's staff", async () => {
    const form = formOf(await click(member, "ticket-panel:billing"));
    expect(form.custom_id).toBe("ticket-panel-form:billing");
    expect(form.title).toBe("Facturation");
    expect(JSON.stringify(form.components)).toContain('"label":"Invoice number"');
    expect(JSON.stringify(form.components)).toContain('"placeholder":"INV-…"');

    expect(
      privateText(await submitModal(member, "ticket-panel-form:billing", { q0: "INV-42", q1: "  ", q2: "" })),
    ).toBe("« What went wrong? » demande une réponse.");
    const created = await submitModal(member, "ticket-panel-form:billing", {
      q0: "INV-42",
      q1: "Charged twice @everyone",
      q2: "",
    });
    const number = createdNumber(created);
    expect(privateText(created)).toContain("**Facturation : INV-42**");

    const billingStaff: Actor = { userId: snowflake(), guildId: server, roles: [staffRole, billingRole] };
    const view = visibleText(await run(billingStaff, `/ticket view ticket:${number}`));
    expect(view).toContain("Invoice number");
    expect(view).toContain("Charged twice");
    // Staff without the billing role do not see it.
    const otherStaff: Actor = { userId: snowflake(), guildId: server, roles: [staffRole] };
    expect(privateText(await run(otherStaff, `/ticket view ticket:${number}`))).toContain("was not found");
    // The thread opens in the server's support channel, as for /ticket create.
    await waitForRequests((requests) =>
      requests.filter((r) => r.method === "POST" && r.path === `/channels/${support}/threads`),
    );
  });

  it("a category without questions opens the usual create form", async () => {
    const form = formOf(await click(member, "ticket-panel:general"));
    expect(form.custom_id).toBe("ticket-create:general:medium");
    const number = createdNumber(
      await submitModal(member, form.custom_id, { subject: "Login", description: "Cannot sign in" }),
    );
    expect(number).toBeGreaterThan(0);
  });

  it("a forged or stale custom_id opens nothing: disabled, unknown, or disabled on this server only", async () => {
    const unavailable = "Cette catégorie ne prend plus de tickets. Choisissez-en une autre sur le panneau.";
    expect(privateText(await click(member, "ticket-panel:bug"))).toBe(unavailable);
    expect(privateText(await click(member, "ticket-panel:nope"))).toBe(unavailable);
    expect(privateText(await submitModal(member, "ticket-panel-form:suggestion", { q0: "x" }))).toBe(
      unavailable,
    );
    expect(
      privateText(await submitModal(member, "ticket-create:bug:medium", { subject: "x", description: "y" })),
    ).toBe("Ce serveur ne prend pas de tickets dans cette catégorie.");
    // Another server, where billing is disabled: its members cannot open billing from this server's panel.
    const other = snowflake();
    await configureServer(other, { categories: { billing: { enabled: false } } });
    const outsider: Actor = { userId: snowflake(), guildId: other };
    expect(privateText(await click(outsider, "ticket-panel:billing"))).toBe(
      "This category does not take tickets any more. Pick another one on the panel.",
    );
    expect(
      privateText(await submitModal(outsider, "ticket-panel-form:billing", { q0: "INV", q1: "x" })),
    ).toContain("does not take tickets");
  });
});

describe("a panel with more than five categories", () => {
  it("offers them in one menu, in the server's language", async () => {
    const server = snowflake();
    await configureServer(server, { settings: { panelTitle: "Support desk", panelText: "Pick a topic." } });
    const admin: Actor = { userId: snowflake(), guildId: server, administrator: true };
    const channel = await newChannel(server);
    await postPanel(admin, channel);
    const [post] = await waitForRequests(panelWrites(channel));
    const body = post?.body as PanelBody;
    expect(body.embeds[0]).toMatchObject({ title: "Support desk", description: "Pick a topic." });
    const row = body.components[0] as {
      components: { type: number; custom_id: string; options: unknown[] }[];
    };
    expect(row.components).toHaveLength(1);
    expect(row.components[0]).toMatchObject({ type: ComponentType.StringSelect, custom_id: "ticket-panel" });
    expect(row.components[0]?.options).toHaveLength(6);

    const member: Actor = { userId: snowflake(), guildId: server };
    const form = formOf(await choose(member, "ticket-panel", ["technical"]));
    expect(form.custom_id).toBe("ticket-create:technical:medium");
  });
});
