/**
 * The /maxis actions that run Maxis (giveaway, restart, report, execute), from Shellia through the
 * real service binding with the signed control API; each asserts what the operator sees and what
 * Maxis really did.
 */
import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import {
  LOCAL_ADMIN_ID,
  LOCAL_APPLICATION_ID,
  LOCAL_CHANNEL_ID,
  LOCAL_GUILD_ID,
  LOCAL_MEMBER_ID,
  LOCAL_STAFF_ID,
  LOCAL_STAFF_ROLE_ID,
} from "../../../scripts/lib/local-identities";
import { sendInteraction, waitForDiscordRequests } from "../support/discord";
import {
  bindingOf,
  definitions,
  discordRequests,
  runMaxis,
  sendMaxis,
  suggestions,
  waitForAudit,
} from "./control-support";

describe("/maxis giveaway", () => {
  it("suggests the text and announcement channels of Maxis's server, not voice channels", async () => {
    const choices = await suggestions("/maxis giveaway prize:x duration:1h channel: target:maxis", "channel");
    // The seeded channels come first; giveaway tests running beside this one add text channels of their own.
    const names = choices.map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(["#general", "#staff", "#announcements"]);
    expect(names).not.toContain("#Lounge");
    expect(choices[0]?.value).toBe(LOCAL_CHANNEL_ID);
    expect(
      await suggestions("/maxis giveaway prize:x duration:1h channel:ANN target:maxis", "channel"),
    ).toEqual([{ name: "#announcements", value: "1300000000000000050" }]);
  });

  it("refuses a channel Maxis cannot post in, before anything is created", async () => {
    for (const channel of ["1300000000000000999", "1300000000000000060", "general"]) {
      const run = await runMaxis(`/maxis giveaway prize:Nope duration:2h channel:${channel} target:maxis`);
      expect(run.content).toBe(
        "**maxis**: Maxis cannot post in that channel: choose a text or announcement channel of one of its servers.",
      );
    }
    const posted = await discordRequests(
      (r) => r.method === "POST" && r.path === "/channels/1300000000000000060/messages",
    );
    expect(posted).toEqual([]);
  });

  it("is required: Discord would not send the command without it", () => {
    expect(() => parseCommandLine("/maxis giveaway prize:x duration:1h target:maxis", definitions)).toThrow(
      "Missing required option channel:",
    );
  });

  it("starts a giveaway in the chosen channel, on Maxis's server even when Shellia is called from another", async () => {
    // The operator runs Shellia on an operations server of their own.
    const { interaction } = await sendMaxis(
      `/maxis giveaway prize:100 Nitro duration:2h winners:2 channel:<#${LOCAL_CHANNEL_ID}> target:maxis`,
      { actor: { userId: LOCAL_ADMIN_ID, administrator: true, guildId: "1300000000000007777" } },
    );
    const [edit] = await waitForDiscordRequests(interaction.token, 1, 8_000);
    const run = { content: String((edit?.body as { content?: string } | undefined)?.content) };
    expect(run.content).toMatch(
      new RegExp(
        `^Giveaway \`[^\`]+\` started on \\*\\*maxis\\*\\* in <#${LOCAL_CHANNEL_ID}>: \\*\\*100 Nitro\\*\\*, 2 winners, draw <t:\\d+:R>\\.$`,
      ),
    );
    const id = /Giveaway `([^`]+)`/.exec(run.content)?.[1] ?? "";
    const posted = await discordRequests(
      (r) => r.method === "POST" && r.path === `/channels/${LOCAL_CHANNEL_ID}/messages`,
    );
    expect(posted.length).toBeGreaterThan(0);
    // Members of Maxis's server see it in /giveaway list: it belongs to the channel's server.
    const list = await sendInteraction(
      bindingOf("maxis"),
      commandInteraction(
        { userId: LOCAL_MEMBER_ID },
        {
          name: "giveaway",
          options: [{ name: "list", type: ApplicationCommandOptionType.Subcommand, options: [] }],
        },
      ),
    );
    expect(JSON.stringify(list.response)).toContain(id);

    const ended = await runMaxis(`/maxis execute operation:end-giveaway ${id} target:maxis`);
    expect(ended.content).toBe(`**maxis**: Giveaway ${id} (“100 Nitro”) ended; winners: nobody.`);
    const again = await runMaxis(`/maxis execute operation:end-giveaway ${id} target:maxis`);
    expect(again.content).toBe("**maxis**: This giveaway has already ended.");
  });
});

describe("/maxis restart", () => {
  it("records a new boot id that status shows, and re-syncs the commands where they are registered", async () => {
    const since = Math.max(
      0,
      ...(await discordRequests(() => true)).map((r) => (r as { seq?: number }).seq ?? 0),
    );
    const before = await runMaxis("/maxis status target:maxis-b");
    const oldBoot = /boot `([0-9a-f]{8})`/.exec(before.content)?.[1];
    const run = await runMaxis("/maxis restart target:maxis-b");
    expect(run.content).toMatch(
      /^\*\*maxis-b\*\* restarted: boot `([0-9a-f]{8})` → `([0-9a-f]{8})`, [1-9]\d* commands? re-synced\.$/,
    );
    const [, previous, next] = /`([0-9a-f]{8})` → `([0-9a-f]{8})`/.exec(run.content) ?? [];
    expect(previous).toBe(oldBoot);
    expect(next).not.toBe(oldBoot);

    const after = await runMaxis("/maxis status target:maxis-b");
    expect(after.content).toContain(`boot \`${next}\``);
    expect(after.content).toMatch(new RegExp(`Last restart <t:\\d+:R> by <@${LOCAL_ADMIN_ID}>`));
    // maxis-b's commands are server commands (COMMAND_GUILD_IDS): re-synced there, never globally too.
    const sync = (await discordRequests((r) => r.method === "PUT")).filter(
      (r) =>
        ((r as { seq?: number }).seq ?? 0) > since &&
        r.path.startsWith(`/applications/${LOCAL_APPLICATION_ID}/`),
    );
    expect(sync.map((r) => r.path)).toEqual([
      `/applications/${LOCAL_APPLICATION_ID}/guilds/${LOCAL_GUILD_ID}/commands`,
    ]);
  });
});

describe("/maxis report", () => {
  it("edits in an embed and attaches the same report as a Markdown file", async () => {
    const run = await runMaxis("/maxis report period:7d target:maxis");
    const edit = run.edit as unknown as {
      body: { embeds: { title: string; fields: { name: string }[] }[]; attachments: unknown[] };
      files: { name: string; content: string }[];
    };
    expect(run.content).toBe("Report from **maxis** (also attached as Markdown).");
    expect(edit.body.embeds[0]?.title).toBe("Maxis report");
    expect(edit.body.embeds[0]?.fields.map((f) => f.name)).toEqual([
      "Health",
      "Activity over 7 d",
      "Recent control calls",
      "Refused calls (bad or missing signature)",
    ]);
    expect(edit.body.attachments).toEqual([
      { id: 0, filename: expect.stringMatching(/^maxis-report-\d{4}-\d\d-\d\d\.md$/) },
    ]);
    expect(edit.files).toHaveLength(1);
    expect(edit.files[0]?.content).toMatch(/^# Maxis report\n/);
    expect(edit.files[0]?.content).toContain("## Activity over 7 d");
    expect(edit.files[0]?.content).toMatch(/- Tickets: \d+ opened/);
    // Times spelled out for the reader and operators by name: no raw ISO times or ids in the file.
    expect(edit.files[0]?.content).toMatch(/\(\w{3} \d{1,2}, \d{4}, \d\d:\d\d [AP]M UTC → /);
    expect(edit.files[0]?.content).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    expect(edit.files[0]?.content).not.toContain(LOCAL_ADMIN_ID);
  });
});

describe("/maxis execute", () => {
  it("turns maintenance on: members get a notice saying since when, staff keep working; off again: everyone is served", async () => {
    const before = Math.floor(Date.now() / 1000);
    const on = await runMaxis("/maxis execute operation:maintenance on target:maxis-b");
    expect(on.content).toBe("**maxis-b**: Maintenance is on: members now get a maintenance notice.");

    const ping = commandInteraction({ userId: LOCAL_MEMBER_ID, locale: "fr" }, { name: "ping", options: [] });
    const { response } = await sendInteraction(bindingOf("maxis-b"), ping);
    expect(response).toMatchObject({ data: { flags: MessageFlags.Ephemeral } });
    const notice = (response as { data?: { content?: string } }).data?.content ?? "";
    const since = Number(
      /^Maxis est en maintenance depuis le <t:(\d+):f> \(<t:\1:R>\)\. Réessayez un peu plus tard\.$/.exec(
        notice,
      )?.[1],
    );
    expect(since).toBeGreaterThanOrEqual(before);
    expect(since).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    const status = await runMaxis("/maxis status target:maxis-b");
    expect(status.content).toContain(`Maintenance **on** since <t:${since}:R> (by <@${LOCAL_ADMIN_ID}>)`);

    // `/ticket list`: a member is turned away (in English too); staff and administrators are not.
    const ticketList = (actor: Parameters<typeof commandInteraction>[0]) =>
      commandInteraction(actor, {
        name: "ticket",
        options: [{ type: ApplicationCommandOptionType.Subcommand, name: "list", options: [] }],
      });
    const member = await sendInteraction(bindingOf("maxis-b"), ticketList({ userId: LOCAL_MEMBER_ID }));
    expect(JSON.stringify(member.response)).toContain(
      `Maxis has been under maintenance since <t:${since}:f>`,
    );
    for (const actor of [
      { userId: LOCAL_STAFF_ID, roles: [LOCAL_STAFF_ROLE_ID] },
      { userId: LOCAL_ADMIN_ID, administrator: true, locale: "fr" },
    ]) {
      const answer = JSON.stringify(
        (await sendInteraction(bindingOf("maxis-b"), ticketList(actor))).response,
      );
      expect(answer).not.toContain("maintenance");
      expect(answer).toMatch(/Tickets in this server|Tickets de ce serveur/);
    }

    const off = await runMaxis("/maxis execute operation:maintenance off target:maxis-b");
    expect(off.content).toBe("**maxis-b**: Maintenance is off: members can use Maxis again.");
    const served = await sendInteraction(bindingOf("maxis-b"), {
      ...ping,
      id: `${ping.id}1`,
      token: `${ping.token}-2`,
    });
    expect(JSON.stringify(served.response)).not.toContain("maintenance");
  });

  it("answers an unknown operation with the allow-list, and runs nothing", async () => {
    const run = await runMaxis("/maxis execute operation:drop-database now target:maxis");
    expect(run.content).toBe(
      "**maxis**: There is no operation named “drop-database”. Allowed operations:\n" +
        "• `sync-commands`: re-register Maxis's slash commands with Discord\n" +
        "• `maintenance on|off`: members get a notice, staff keep working\n" +
        "• `close-stale-tickets DAYS (1–365)`: close the tickets idle for more than DAYS days\n" +
        "• `end-giveaway GIVEAWAY_ID`: draw a running giveaway's winners now\n" +
        "• `reroll GIVEAWAY_ID [WINNERS 1–20]`: draw new winners of an ended giveaway",
    );
    const row = await waitForAudit((r) => r.action === "execute" && r.code === "unknown_operation");
    expect(row?.outcome).toBe("rejected");
  });

  it("says the allow-list, usages and what each operation does in French to a French operator", async () => {
    const run = await runMaxis("/maxis execute operation:drop-database target:maxis", { locale: "fr" });
    expect(run.content).toBe(
      "**maxis** : Aucune opération ne s'appelle « drop-database ». Opérations autorisées :\n" +
        "• `sync-commands` : réenregistrer les commandes slash de Maxis auprès de Discord\n" +
        "• `maintenance on|off` : les membres voient un avis, l'équipe continue de travailler\n" +
        "• `close-stale-tickets JOURS (1–365)` : fermer les tickets sans activité depuis plus de JOURS jours\n" +
        "• `end-giveaway ID_CONCOURS` : tirer au sort maintenant les gagnants d'un concours en cours\n" +
        "• `reroll ID_CONCOURS [GAGNANTS 1–20]` : tirer de nouveaux gagnants d'un concours terminé",
    );
    const wrong = await runMaxis("/maxis execute operation:close-stale-tickets 0 target:maxis", {
      locale: "fr",
    });
    expect(wrong.content).toBe(
      "**maxis** : Arguments incorrects. Utilisation : `close-stale-tickets JOURS (1–365)`",
    );
    const choices = await suggestions("/maxis execute operation:clo target:maxis", "operation");
    expect(choices).toEqual([
      {
        name: "close-stale-tickets DAYS (1–365) — close the tickets idle for more than DAYS days",
        value: "close-stale-tickets",
      },
    ]);
  });

  it("validates arguments", async () => {
    const run = await runMaxis("/maxis execute operation:close-stale-tickets 0 target:maxis");
    expect(run.content).toBe("**maxis**: Wrong arguments. Usage: `close-stale-tickets DAYS (1–365)`");
  });

  it("closes stale tickets as the control system identity", async () => {
    const run = await runMaxis("/maxis execute operation:close-stale-tickets 365 target:maxis");
    expect(run.content).toMatch(/^\*\*maxis\*\*: Closed \d+ tickets? idle for more than 365 days\.$/);
  });

  it("re-syncs commands on demand, where each Maxis registers them", async () => {
    const global = await runMaxis("/maxis execute operation:sync-commands target:maxis");
    expect(global.content).toMatch(
      /^\*\*maxis\*\*: Re-registered [1-9]\d* commands with Discord \(global commands\)\.$/,
    );
    const server = await runMaxis("/maxis execute operation:sync-commands target:maxis-b");
    expect(server.content).toMatch(
      new RegExp(
        `^\\*\\*maxis-b\\*\\*: Re-registered [1-9]\\d* commands with Discord \\(server commands in ${LOCAL_GUILD_ID}\\)\\.$`,
      ),
    );
  });

  it("rerolls only ended giveaways, and says why not", async () => {
    const run = await runMaxis("/maxis execute operation:reroll nosuchgiveaway target:maxis");
    expect(run.content).toMatch(/^\*\*maxis\*\*: /);
    expect(run.content).not.toContain("rerolled");
  });

  it("offers the operations as autocomplete choices", async () => {
    const { response } = await sendMaxis("/maxis execute operation:main", { focused: "operation" });
    expect(response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: {
        choices: [
          { name: "maintenance on|off — members get a notice, staff keep working", value: "maintenance" },
        ],
      },
    });
  });

  it("asks which bot when several are configured and the action changes something", async () => {
    const { interaction, response } = await sendMaxis("/maxis restart");
    expect(response).toMatchObject({
      data: {
        content:
          "Several Maxis bots are configured (maxis, maxis-b, maxis-stale-key, maxis-down, maxis-slow): choose one with `target`.",
      },
    });
    expect(await waitForDiscordRequests(interaction.token, 1, 200)).toEqual([]);
  });
});
