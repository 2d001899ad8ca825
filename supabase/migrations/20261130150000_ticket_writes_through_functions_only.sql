-- Ticket writes go through the ticket functions only (issue 17, hole 4).
--
-- Until now an API caller could write the ticket tables directly, and policies plus the guard trigger
-- had to re-state every rule the functions keep. They did not: a ticket owner could insert past the
-- limit of 5, set closed_at, closed_by or last_activity_at, and reply into a closed ticket; an
-- `admin` JWT of server B could change priority, category and first responder of its own tickets on
-- server A (the owner policy had no server check and the guard trusted app_role alone).
--
-- The rule from now on, simpler to keep right than one policy or trigger per invariant:
--   * API roles hold no INSERT, UPDATE or DELETE on any ticket table. Reads stay SECURITY INVOKER
--     under RLS (ticket_list, ticket_view, ticket_transcript, ticket_autocomplete, ticket_stats…).
--   * Each function that writes runs as SECURITY DEFINER (the table owner) with `search_path = ''`,
--     and checks explicitly what RLS used to check for it: the caller and the server come from the
--     JWT (tickets_private.current_caller), the ticket is looked up in that server and, for a member,
--     among their own (tickets_private.find_ticket), staff actions call require_staff, creating and
--     reopening take the open-ticket limit under an advisory lock. The state transitions and the
--     clock (now()) are the function's, never the caller's.
-- A new write function must follow the same pattern: SECURITY DEFINER, `set search_path = ''`,
-- current_caller() first, every row it touches filtered by the caller's guild.

-- Writers run as the owner. Their bodies (20261124010001, 20261124010002, 20261129070000) already
-- do every check listed above without relying on RLS.
alter function public.ticket_create(text, text, text, text, text) security definer;
alter function public.ticket_reply(text, text, text) security definer;
alter function public.ticket_close(text, text) security definer;
alter function public.ticket_reopen(text) security definer;
alter function public.ticket_assign(text, text) security definer;
alter function public.ticket_note(text, text) security definer;
alter function public.ticket_set_status(text, text) security definer;
alter function public.ticket_set_priority(text, text) security definer;
-- The control API's stale-ticket closing: service_role alone may execute it (granted in
-- 20261130150200), so it needs no table privilege of its own.
alter function public.ticket_close_stale(integer, text) security definer;

-- No direct writes by any API role. Reads are granted table by table in 20261130150200.
revoke insert, update, delete, truncate on public.tickets, public.ticket_messages, public.ticket_staff,
  public.ticket_audit, public.ticket_guild_counters from public, anon, authenticated, service_role;

-- The write policies described what API roles could do directly; they can do nothing now.
drop policy "anyone signed in opens a fresh ticket for themselves in their guild" on public.tickets;
drop policy "members update their own tickets" on public.tickets;
drop policy "staff update their guild's tickets" on public.tickets;
drop policy "members post public messages on their own tickets" on public.ticket_messages;
drop policy "staff post messages and notes in their guild" on public.ticket_messages;
drop policy "staff register themselves" on public.ticket_staff;
drop policy "staff refresh their own entry" on public.ticket_staff;
-- Only ticket_assign and the staff writers (definers) read the staff directory: no API role reads it.
drop policy "staff read their guild's staff directory" on public.ticket_staff;

-- The triggers stay: numbering, audit and guard_ticket's refusal to change a ticket's identity
-- (id, guild, number, owner, created_at) hold for the functions and for the owner alike.
