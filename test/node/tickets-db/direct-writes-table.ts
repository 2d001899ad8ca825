/**
 * The direct writes the direct-writes test tries as every caller: each ticket table, and each column
 * of tickets that a ticket function sets.
 */
import type { newGuild } from "./db";

/** The server attacked, its open and closed ticket, and another server's id to move things to. */
export interface WriteTarget {
  guild: ReturnType<typeof newGuild>;
  open: { id: string; number: number };
  closed: { id: string; number: number };
  otherGuildId: string;
}

/** Every direct write worth trying: each table, and each column of tickets that a function sets. */
export function directWrites(target: WriteTarget): [string, string][] {
  const { guild: g, open, closed, otherGuildId } = target;
  const a = g.memberA.sub;
  const gid = g.guildId;
  const id = open.id;
  const set = (assignment: string, ticketId = id): [string, string] => [
    `update tickets set ${assignment}`,
    `update public.tickets set ${assignment} where id = ${ticketId} returning id`,
  ];
  return [
    // tickets: a 3rd..9th open ticket past the function's limit, with forged history.
    [
      "insert a ticket",
      `insert into public.tickets (guild_id, number, owner_id, subject, description)
         values ('${gid}', 900, '${a}', 'forged', 'forged') returning id`,
    ],
    [
      "insert a ticket already answered and dated 2000",
      `insert into public.tickets (guild_id, number, owner_id, subject, description, created_at, updated_at,
         last_activity_at, first_staff_response_at, first_responder_id, assignee_id, priority)
       values ('${gid}', 901, '${a}', 'forged', 'forged', '2000-01-01', '2000-01-01', '2000-01-01',
         '2000-01-01', '${g.agent.sub}', '${g.agent.sub}', 'critical') returning id`,
    ],
    set("status = 'closed', closed_at = now(), closed_by = owner_id"),
    set("closed_at = '2000-01-01'", closed.id),
    set(`closed_by = '${g.agent.sub}'`, closed.id),
    set("close_reason = 'forged'", closed.id),
    set("status = 'open', closed_at = null, closed_by = null, close_reason = null", closed.id),
    set("last_activity_at = '2000-01-01'"),
    set("updated_at = '2000-01-01'"),
    set("created_at = '2000-01-01'"),
    set("first_staff_response_at = now(), first_responder_id = owner_id"),
    set(`first_responder_id = '${g.admin.sub}'`),
    set(`assignee_id = '${g.agent.sub}'`),
    set("status = 'in_progress'"),
    set("priority = 'critical'"),
    set("category = 'bug'"),
    set("subject = 'forged'"),
    set("description = 'forged'"),
    set("owner_locale = 'fr'"),
    set("number = 999"),
    set("staff_post_channel_id = '1', staff_post_message_id = '2', staff_post_locale = 'fr'"),
    set("dm_failed_at = now(), dm_failure = 'dms_closed'"),
    set(`guild_id = '${otherGuildId}'`),
    set(`owner_id = '${g.memberB.sub}'`),
    ["update every ticket", "update public.tickets set priority = 'low' returning id"],
    ["delete a ticket", `delete from public.tickets where id = ${id} returning id`],
    // ticket_messages: a reply into the closed ticket, a staff-looking message, a forged note.
    [
      "reply into the closed ticket",
      `insert into public.ticket_messages (ticket_id, guild_id, ticket_owner_id, author_id, body)
         values (${closed.id}, '${gid}', '${a}', '${a}', 'after closing') returning id`,
    ],
    [
      "post as staff, dated 2000",
      `insert into public.ticket_messages (ticket_id, guild_id, ticket_owner_id, author_id, body, from_staff, created_at)
         values (${id}, '${gid}', '${a}', '${g.agent.sub}', 'forged staff', true, '2000-01-01') returning id`,
    ],
    [
      "post an internal note",
      `insert into public.ticket_messages (ticket_id, guild_id, ticket_owner_id, author_id, body, is_internal, from_staff)
         values (${id}, '${gid}', '${a}', '${a}', 'forged note', true, true) returning id`,
    ],
    [
      "edit a message",
      `update public.ticket_messages set body = 'edited' where ticket_id = ${id} returning id`,
    ],
    ["delete messages", `delete from public.ticket_messages where ticket_id = ${id} returning id`],
    // ticket_audit
    [
      "insert an audit row",
      `insert into public.ticket_audit (guild_id, ticket_id, ticket_number, action, actor_role)
         values ('${gid}', ${id}, ${open.number}, 'closed', 'admin') returning id`,
    ],
    [
      "update the audit trail",
      `update public.ticket_audit set actor_id = null where ticket_id = ${id} returning id`,
    ],
    ["delete the audit trail", `delete from public.ticket_audit where ticket_id = ${id} returning id`],
    // ticket_staff: making oneself assignable, or an admin.
    [
      "register as staff",
      `insert into public.ticket_staff (guild_id, user_id, app_role) values ('${gid}', '${a}', 'admin') returning user_id`,
    ],
    [
      "promote oneself in the directory",
      `update public.ticket_staff set app_role = 'admin', last_seen_at = '2000-01-01' returning user_id`,
    ],
    ["delete the directory", "delete from public.ticket_staff returning user_id"],
    // ticket_guild_counters: reusing or skipping numbers.
    [
      "insert a counter",
      `insert into public.ticket_guild_counters values ('${otherGuildId}', 1000) returning guild_id`,
    ],
    [
      "reset the counter",
      `update public.ticket_guild_counters set last_number = 0 where guild_id = '${gid}' returning guild_id`,
    ],
    [
      "delete the counter",
      `delete from public.ticket_guild_counters where guild_id = '${gid}' returning guild_id`,
    ],
    // control_audit: append-only for everyone; only the control identity records calls (through
    // control_audit_record), so its own insert is not an attack and is tried by the others only.
    ["rewrite the control audit", "update public.control_audit set outcome = 'accepted' returning id"],
    ["delete the control audit", "delete from public.control_audit returning id"],
  ];
}

/** A write only the control identity may make (its audit trail), tried by everyone else. */
export function controlOnlyWrites(): [string, string][] {
  return [
    [
      "insert a control audit row",
      `insert into public.control_audit (action, outcome, code, recorded_by)
         values ('promo', 'accepted', 'ok', 'control:forged') returning id`,
    ],
  ];
}
