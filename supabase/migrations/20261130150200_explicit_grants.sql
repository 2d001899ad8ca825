-- Exactly what each API role may do, object by object (issues 17 and 19).
--
-- Supabase no longer grants table privileges to anon, authenticated and service_role by default
-- (every project since 2026-10-30), while PostgreSQL itself still lets PUBLIC execute every new
-- function. Projects created earlier still carry the old defaults on the objects they made. So each
-- object below is first stripped of every API privilege, then given exactly what its callers need;
-- the result is the same on a new project, an old one and the local stack.
-- test/node/local-supabase/privileges.test.ts lists every table and function in these schemas and
-- compares each role's privileges with its declaration: a new object without a grant fails npm test.
--
-- Who calls what (the Workers reach Postgres only through `.rpc()`):
--   authenticated  Maxis per interaction, as a member, agent or admin of one server (ticket_*, list_shop,
--                  session_info); reads go through RLS, writes through SECURITY DEFINER functions.
--   service_role   Maxis's control identity (Shellia's operators): status, analytics, close-stale-tickets,
--                  promotions, the control audit trail.
--   anon           nothing.
-- Objects are named one by one on purpose (no `all tables in schema`): migrations written in
-- parallel keep their own grants, and the privileges test asks them to declare themselves.

-- Schemas ------------------------------------------------------------------------------------------------
-- public: usage for the API roles is Supabase's own setup (scripts/local-supabase/bootstrap.sql locally).
-- tickets_private: the helpers that authenticated's SECURITY INVOKER reads call. The control identity
-- calls none of them.
revoke all on schema tickets_private from public, anon, service_role;
grant usage on schema tickets_private to authenticated;

-- Tables -------------------------------------------------------------------------------------------------
revoke all on public.tickets, public.ticket_messages, public.ticket_audit, public.ticket_staff,
  public.ticket_guild_counters, public.plans, public.promotions, public.control_audit
  from public, anon, authenticated, service_role;

-- Members and staff read under RLS (ticket_list, ticket_view, ticket_transcript, ticket_autocomplete,
-- ticket_stats, ticket_stats_series are SECURITY INVOKER).
grant select on public.tickets, public.ticket_messages, public.ticket_audit to authenticated;
-- /maxis status (ticket_open_counts) and analytics (control_ticket_figures) count tickets of every server.
grant select on public.tickets to service_role;
-- list_shop (members), live_promotions and promotion_figures (control API).
grant select on public.plans, public.promotions to authenticated, service_role;
-- control_audit_record and control_audit_recent (SECURITY INVOKER, the control identity only).
grant select, insert on public.control_audit to service_role;
-- ticket_staff and ticket_guild_counters: no API role; only the definer functions and triggers.

-- Sequences: identity columns need none for inserts. Nobody calls nextval() through the API.
revoke all on sequence public.tickets_id_seq, public.ticket_messages_id_seq, public.ticket_audit_id_seq,
  public.promotions_id_seq, public.control_audit_id_seq
  from public, anon, authenticated, service_role;

-- Functions the API exposes (schema public) ---------------------------------------------------------------
revoke all on function
  public.session_info(),
  public.ticket_create(text, text, text, text, text),
  public.ticket_list(text, text, text, text, boolean, text, integer, integer),
  public.ticket_view(text),
  public.ticket_reply(text, text, text),
  public.ticket_close(text, text),
  public.ticket_reopen(text),
  public.ticket_assign(text, text),
  public.ticket_note(text, text),
  public.ticket_set_status(text, text),
  public.ticket_set_priority(text, text),
  public.ticket_transcript(text, boolean),
  public.ticket_autocomplete(text),
  public.ticket_stats(),
  public.ticket_stats_series(integer),
  public.ticket_open_counts(),
  public.ticket_close_stale(integer, text),
  public.list_shop(),
  public.promoted_price_cents(integer, integer, integer),
  public.shop_caller_is_staff(),
  public.promotion_json(public.promotions, public.plans),
  public.create_promotion(text, integer, integer, timestamptz),
  public.live_promotions(),
  public.promotion_figures(timestamptz, timestamptz),
  public.control_audit_record(text, text, text, text, text, text, text, jsonb),
  public.control_audit_recent(integer),
  public.control_ticket_figures(timestamptz, timestamptz),
  public.control_audit_refuse_change()
from public, anon, authenticated, service_role;

-- Who is calling: Maxis's members and staff, and the control identity's /maxis status.
grant execute on function public.session_info() to authenticated, service_role;

-- Ticket actions of members and staff (the function checks which of them).
grant execute on function
  public.ticket_create(text, text, text, text, text),
  public.ticket_list(text, text, text, text, boolean, text, integer, integer),
  public.ticket_view(text),
  public.ticket_reply(text, text, text),
  public.ticket_close(text, text),
  public.ticket_reopen(text),
  public.ticket_assign(text, text),
  public.ticket_note(text, text),
  public.ticket_set_status(text, text),
  public.ticket_set_priority(text, text),
  public.ticket_transcript(text, boolean),
  public.ticket_autocomplete(text),
  public.ticket_stats(),
  public.ticket_stats_series(integer)
to authenticated;

-- /shop; list_shop computes promoted prices with promoted_price_cents as its caller.
grant execute on function public.list_shop(), public.promoted_price_cents(integer, integer, integer)
  to authenticated;

-- The control identity: status, analytics, close-stale-tickets, promotions, its audit trail.
-- live_promotions and promotion_figures call shop_caller_is_staff and promotion_json as their caller.
grant execute on function
  public.ticket_open_counts(),
  public.ticket_close_stale(integer, text),
  public.control_ticket_figures(timestamptz, timestamptz),
  public.control_audit_record(text, text, text, text, text, text, text, jsonb),
  public.control_audit_recent(integer),
  public.create_promotion(text, integer, integer, timestamptz),
  public.live_promotions(),
  public.promotion_figures(timestamptz, timestamptz),
  public.shop_caller_is_staff(),
  public.promotion_json(public.promotions, public.plans),
  public.promoted_price_cents(integer, integer, integer)
to service_role;
-- public.control_audit_refuse_change(): a trigger, nobody calls it.

-- Private helpers (schema tickets_private) ------------------------------------------------------------------
revoke all on function
  tickets_private.categories(),
  tickets_private.priorities(),
  tickets_private.statuses(),
  tickets_private.locales(),
  tickets_private.fail(text, text),
  tickets_private.current_caller(),
  tickets_private.require_staff(tickets_private.caller),
  tickets_private.required_text(text, integer, text),
  tickets_private.parse_number(text),
  tickets_private.parse_category(text),
  tickets_private.parse_priority(text),
  tickets_private.parse_status(text),
  tickets_private.parse_locale(text),
  tickets_private.contains_pattern(text),
  tickets_private.find_ticket(tickets_private.caller, text, boolean),
  tickets_private.check_open_limit(text, text),
  tickets_private.note_staff(tickets_private.caller),
  tickets_private.ticket_json(public.tickets, boolean),
  tickets_private.message_json(public.ticket_messages),
  tickets_private.audit_json(public.ticket_audit),
  tickets_private.thread_json(bigint, boolean),
  tickets_private.stats_window(text, timestamptz),
  tickets_private.actor(),
  tickets_private.number_ticket(),
  tickets_private.prepare_ticket(),
  tickets_private.guard_ticket(),
  tickets_private.guard_owner_locale(),
  tickets_private.prepare_message(),
  tickets_private.audit_ticket(),
  tickets_private.audit_message(),
  tickets_private.refuse_audit_change()
from public, anon, authenticated, service_role;

-- What the SECURITY INVOKER reads call as authenticated: parsing their filters, finding the ticket,
-- shaping the JSON, the statistics. Writers (definers) and triggers need no grant: they run as owner.
grant execute on function
  tickets_private.categories(),
  tickets_private.priorities(),
  tickets_private.statuses(),
  tickets_private.fail(text, text),
  tickets_private.current_caller(),
  tickets_private.require_staff(tickets_private.caller),
  tickets_private.parse_number(text),
  tickets_private.parse_category(text),
  tickets_private.parse_priority(text),
  tickets_private.parse_status(text),
  tickets_private.contains_pattern(text),
  tickets_private.find_ticket(tickets_private.caller, text, boolean),
  tickets_private.ticket_json(public.tickets, boolean),
  tickets_private.message_json(public.ticket_messages),
  tickets_private.audit_json(public.ticket_audit),
  tickets_private.thread_json(bigint, boolean),
  tickets_private.stats_window(text, timestamptz)
to authenticated;

-- Every function sets its search_path (Supabase's linter, rule 0011: function_search_path_mutable):
-- these helpers were the ones without. Everything they name is schema-qualified or in pg_catalog.
alter function tickets_private.categories() set search_path = '';
alter function tickets_private.priorities() set search_path = '';
alter function tickets_private.statuses() set search_path = '';
alter function tickets_private.locales() set search_path = '';
alter function tickets_private.fail(text, text) set search_path = '';
alter function tickets_private.require_staff(tickets_private.caller) set search_path = '';
alter function tickets_private.required_text(text, integer, text) set search_path = '';
alter function tickets_private.parse_number(text) set search_path = '';
alter function tickets_private.parse_category(text) set search_path = '';
alter function tickets_private.parse_priority(text) set search_path = '';
alter function tickets_private.parse_status(text) set search_path = '';
alter function tickets_private.parse_locale(text) set search_path = '';
alter function tickets_private.contains_pattern(text) set search_path = '';
alter function tickets_private.ticket_json(public.tickets, boolean) set search_path = '';
alter function tickets_private.message_json(public.ticket_messages) set search_path = '';
alter function tickets_private.audit_json(public.ticket_audit) set search_path = '';
