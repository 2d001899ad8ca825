/**
 * Maxis's automation pass (src/maxis/tickets/automation/pass.ts, the Cron Trigger's job) against the
 * real local Supabase (REST and Postgres with the migrations) and the Discord stand-in. The pass is
 * plain fetch code, run here in Node so the test can move time by writing timestamps in Postgres:
 * two passes started together post each due message once; a pass that died between its claim and
 * its outcome is resumed by the next one without a second message (Discord's enforce_nonce); an idle
 * ticket is warned, then closed with the rating buttons, in the owner's language; a member's answer
 * in between cancels the close; a close request nobody answers closes the ticket.
 */
import { afterAll, describe, expect, inject, it } from "vitest";
import {
  type AutomationJob,
  claimJobs,
  supabaseAsAutomation,
} from "../../../src/maxis/tickets/automation/automation-rpc";
import { deliverJob } from "../../../src/maxis/tickets/automation/deliver";
import {
  type AutomationEnv,
  automationRest,
  runAutomationPass,
} from "../../../src/maxis/tickets/automation/pass";
import { mustCall, newGuild, type Person, snowflake, superuser } from "./db";

afterAll(() => superuser.end());

const supabase = inject("supabase");
const discord = inject("discordLocalUrl");
const env = {
  SUPABASE_URL: supabase.restUrl,
  SUPABASE_PUBLISHABLE_KEY: supabase.publishableKey,
  SUPABASE_JWT_SIGNING_KEY: supabase.signingKey,
  DISCORD_API_BASE: `${discord}/api/v10`,
  DISCORD_BOT_TOKEN: "local-bot-token",
  // What a server Maxis has no settings for starts with (the staff post names categories from them).
  STAFF_ROLE_ID: "",
  TICKET_STAFF_CHANNEL_ID: "",
  DISCORD_GUILD_ID: "",
  DISCORD_SUPPORT_CHANNEL_ID: "",
} satisfies AutomationEnv;

interface StandInMessage {
  id: string;
  content: string;
  components: { components: { custom_id?: string; label?: string }[] }[];
}

/** The DM channel the stand-in keeps for a person (opening it again returns the same one). */
async function dmChannel(userId: string): Promise<string> {
  const res = await fetch(`${discord}/api/v10/users/@me/channels`, {
    method: "POST",
    headers: { Authorization: "Bot test", "Content-Type": "application/json" },
    body: JSON.stringify({ recipient_id: userId }),
  });
  return ((await res.json()) as { id: string }).id;
}
async function dmsOf(userId: string): Promise<StandInMessage[]> {
  const channel = await dmChannel(userId);
  return (await (await fetch(`${discord}/__local/channels/${channel}/messages`)).json()) as StandInMessage[];
}

async function server(changes: Record<string, unknown>) {
  const g = newGuild();
  await mustCall("service_role", "server_settings_ensure", { p_guild_id: g.guildId, p_defaults: {} });
  await mustCall(g.admin, "server_automation_update", { p_changes: changes });
  return g;
}
type Guild = Awaited<ReturnType<typeof server>>;
const person = (g: Guild): Person => ({ sub: snowflake(), appRole: "member", guildId: g.guildId });

async function waitingTicket(g: Guild, owner: Person, locale = "en") {
  const t = await mustCall<{ number: number }>(owner, "ticket_create", {
    p_subject: "Printer on fire",
    p_description: "Smoke everywhere",
    p_locale: locale,
  });
  await mustCall(g.agent, "ticket_reply", { p_ticket: String(t.number), p_body: "Did you unplug it?" });
  return t.number;
}

/** "Time passes": every job of the server (of one kind) is due now. */
async function timePasses(guildId: string, kind?: string) {
  await superuser.query(
    `update public.ticket_automation_jobs set next_attempt_at = now() - interval '1 second'
      where guild_id = $1 and ($2::text is null or kind = $2)`,
    [guildId, kind ?? null],
  );
}

async function status(guildId: string, number: number): Promise<string> {
  const { rows } = await superuser.query<{ status: string }>(
    "select status from public.tickets where guild_id = $1 and number = $2",
    [guildId, number],
  );
  return rows[0]?.status ?? "missing";
}

describe("the automation pass", () => {
  it("posts each due warning once when two passes start together", async () => {
    const g = await server({ autoCloseEnabled: true });
    const owners = Array.from({ length: 6 }, () => person(g));
    for (const owner of owners) await waitingTicket(g, owner);
    await timePasses(g.guildId);
    const [a, b] = await Promise.all([
      runAutomationPass(env, { guildId: g.guildId, batch: 2 }),
      runAutomationPass(env, { guildId: g.guildId, batch: 2 }),
    ]);
    expect((a?.delivered ?? 0) + (b?.delivered ?? 0)).toBe(6);
    for (const owner of owners) {
      const warnings = (await dmsOf(owner.sub)).filter((m) => m.content.includes("waiting for your answer"));
      expect(warnings).toHaveLength(1);
    }
    // Nothing more is due: a third pass sends nothing.
    expect((await runAutomationPass(env, { guildId: g.guildId })).claimed).toBe(0);
  });

  it("resumes a pass killed after Discord accepted the message without posting it twice", async () => {
    const g = await server({ autoCloseEnabled: true });
    const owner = person(g);
    await waitingTicket(g, owner);
    await timePasses(g.guildId);
    // The dying pass: claims, tells Discord, and is killed before reporting the outcome.
    const [job] = (await claimJobs(supabaseAsAutomation(env), 10, g.guildId)) as AutomationJob[];
    expect(job?.kind).toBe("inactivity_warning");
    await deliverJob(env, automationRest(env), job as AutomationJob);
    // Within its lease nobody takes it; once the lease ran out the next pass does, with the same nonce.
    expect((await runAutomationPass(env, { guildId: g.guildId })).claimed).toBe(0);
    await timePasses(g.guildId, "inactivity_warning");
    expect(await runAutomationPass(env, { guildId: g.guildId })).toMatchObject({ claimed: 1, delivered: 1 });
    const warnings = (await dmsOf(owner.sub)).filter((m) => m.content.includes("waiting for your answer"));
    expect(warnings).toHaveLength(1);
  });

  it("resumes a pass killed between its claim and the Discord call: the message goes out once", async () => {
    const g = await server({ autoCloseEnabled: true });
    const owner = person(g);
    await waitingTicket(g, owner);
    await timePasses(g.guildId);
    await claimJobs(supabaseAsAutomation(env), 10, g.guildId); // and dies
    await timePasses(g.guildId, "inactivity_warning");
    await runAutomationPass(env, { guildId: g.guildId });
    expect(
      (await dmsOf(owner.sub)).filter((m) => m.content.includes("waiting for your answer")),
    ).toHaveLength(1);
  });

  it("warns an idle ticket in its owner's language, then closes it and asks for a rating", async () => {
    const g = await server({ autoCloseEnabled: true, warningHours: 12 });
    const owner = person(g);
    const number = await waitingTicket(g, owner, "fr");
    await timePasses(g.guildId);
    await runAutomationPass(env, { guildId: g.guildId });
    expect((await dmsOf(owner.sub)).map((m) => m.content)).toContain(
      `⏳ Votre ticket **#${number}** (Printer on fire) attend votre réponse. Il sera fermé automatiquement dans 12 h si vous ne répondez pas avec \`/ticket répondre\`.`,
    );
    expect(await status(g.guildId, number)).not.toBe("closed");
    await timePasses(g.guildId);
    await runAutomationPass(env, { guildId: g.guildId });
    expect(await status(g.guildId, number)).toBe("closed");
    const dms = await dmsOf(owner.sub);
    expect(dms.map((m) => m.content)).toContain(
      `🔒 Votre ticket **#${number}** (Printer on fire) a été fermé automatiquement.`,
    );
    const rating = dms.find((m) => m.content.startsWith("⭐"));
    expect(rating?.components[0]?.components.map((b) => b.custom_id)).toEqual(
      [1, 2, 3, 4, 5].map((s) => `ticket-auto:rate:${g.guildId}:${number}:${s}`),
    );
  });

  it("does not close a ticket whose member answered between the warning and the close", async () => {
    const g = await server({ autoCloseEnabled: true });
    const owner = person(g);
    const number = await waitingTicket(g, owner);
    await timePasses(g.guildId);
    await runAutomationPass(env, { guildId: g.guildId });
    await mustCall(owner, "ticket_reply", { p_ticket: String(number), p_body: "Unplugged, still smoking" });
    await timePasses(g.guildId);
    await runAutomationPass(env, { guildId: g.guildId });
    expect(await status(g.guildId, number)).not.toBe("closed");
    expect((await dmsOf(owner.sub)).filter((m) => m.content.includes("closed automatically"))).toHaveLength(
      0,
    );
  });

  it("asks the member to close, then closes by itself when nobody answers", async () => {
    const g = await server({ closeRequestHours: 6 });
    const owner = person(g);
    const t = await mustCall<{ number: number }>(owner, "ticket_create", {
      p_subject: "Done?",
      p_description: "I think so",
    });
    await mustCall(g.agent, "ticket_close_request", { p_ticket: String(t.number) });
    await runAutomationPass(env, { guildId: g.guildId });
    const prompt = (await dmsOf(owner.sub)).find((m) => m.content.startsWith("👋"));
    expect(prompt?.content).toContain("closes in 6 h");
    expect(prompt?.components[0]?.components.map((b) => b.custom_id)).toEqual([
      `ticket-auto:accept:${g.guildId}:${t.number}`,
      `ticket-auto:keep:${g.guildId}:${t.number}`,
    ]);
    expect(await status(g.guildId, t.number)).toBe("open");
    await timePasses(g.guildId);
    await runAutomationPass(env, { guildId: g.guildId });
    expect(await status(g.guildId, t.number)).toBe("closed");
    const { rows } = await superuser.query<{ action: string; actor_id: string | null; actor_role: string }>(
      "select action, actor_id, actor_role from public.ticket_audit where guild_id = $1 and action = 'closed'",
      [g.guildId],
    );
    expect(rows).toEqual([{ action: "closed", actor_id: "maxis:automation", actor_role: "service_role" }]);
  });
});
