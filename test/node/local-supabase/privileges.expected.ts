/**
 * The declared privileges of Supabase's API roles on everything the migrations create
 * (supabase/migrations/20261130150200_explicit_grants.sql explains who calls what). Adding a table,
 * sequence or function means adding it here with exactly what each role needs; a role not listed
 * gets nothing. PUBLIC gets nothing anywhere, and every function sets its search_path.
 *
 * Over 300 lines: a data table, one entry per table, sequence and function the migrations create;
 * it grows with the schema and reads best whole.
 */

export const API_ROLES = ["anon", "authenticated", "service_role"] as const;
export type ApiRole = (typeof API_ROLES)[number];
export type TablePrivilege =
  | "SELECT"
  | "INSERT"
  | "UPDATE"
  | "DELETE"
  | "TRUNCATE"
  | "REFERENCES"
  | "TRIGGER";
/** Sequences: USAGE, SELECT, UPDATE. */
type SequencePrivilege = "USAGE" | "SELECT" | "UPDATE";

/** Schemas Supabase (or the local bootstrap) provides, not the migrations; `pgrst_local` is the REST stand-in's. */
export const INTERNAL_SCHEMAS = ["auth", "extensions", "supabase_migrations", "pgrst_local"];

/** Who may use each schema the migrations own. */
export const expectedSchemas: Record<string, readonly ApiRole[]> = {
  // Supabase's own setup: PostgREST exposes public to every API role; objects decide the rest.
  public: ["anon", "authenticated", "service_role"],
  // Helpers the SECURITY INVOKER ticket reads call as the member or staff member.
  tickets_private: ["authenticated"],
  // Payments' helpers run inside its SECURITY DEFINER functions only.
  payments_private: [],
  // Helpers of the plan functions (definers, which run as the owner): no API role uses the schema.
  shop_private: [],
  // The work queues' claim-with-lease helpers, called inside SECURITY DEFINER functions only.
  queue_private: [],
};

type Grants<P> = Partial<Record<ApiRole, readonly P[]>>;
const nothing = {} as const;

export const expectedTables: Record<string, Grants<TablePrivilege | SequencePrivilege>> = {
  // Reads under RLS by members and staff; counts across servers by the control identity.
  "public.tickets": { authenticated: ["SELECT"], service_role: ["SELECT"] },
  "public.ticket_messages": { authenticated: ["SELECT"] },
  "public.ticket_audit": { authenticated: ["SELECT"] },
  // Only the ticket functions (definers) and triggers touch these.
  "public.ticket_staff": nothing,
  // Each ticket's Discord thread: only the notifier's functions (definers) read and write it.
  "public.ticket_threads": nothing,
  "public.ticket_guild_counters": nothing,
  // /shop for members; live promotions and figures for the control identity. Nobody writes them via the API.
  "public.plans": { authenticated: ["SELECT"], service_role: ["SELECT"] },
  "public.promotions": { authenticated: ["SELECT"], service_role: ["SELECT"] },
  // Who changed which plan (before, after): the server's admins read it under RLS; plan functions write it.
  "public.plan_audit": { authenticated: ["SELECT"] },
  "public.plan_audit_id_seq": nothing,
  // Refused control calls, counted: only control_audit_refused (a definer) writes it.
  "public.control_audit_refusals": nothing,
  // The control identity records and reads its calls.
  "public.control_audit": { service_role: ["SELECT", "INSERT"] },
  // Payments: members read their own entitlements and admins their server's (RLS); the rest only
  // through the payment functions (the payments identity).
  "public.entitlements": { authenticated: ["SELECT"] },
  "public.entitlement_audit": { authenticated: ["SELECT"] },
  "public.stripe_events": nothing,
  "public.role_outbox": nothing,
  "public.entitlements_id_seq": nothing,
  "public.entitlement_audit_id_seq": nothing,
  "public.role_outbox_id_seq": nothing,
  // Sales (20261202060000): the server's admins read its money movements and checkouts under RLS;
  // only payment functions write them.
  "public.sales": { authenticated: ["SELECT"] },
  "public.checkout_audit": { authenticated: ["SELECT"] },
  "public.checkout_audit_id_seq": nothing,
  // Checkouts Maxis saw closed at Stripe (20261207020100): payment functions only.
  "public.checkout_closures": nothing,
  // Identity columns need no sequence privilege.
  "public.tickets_id_seq": nothing,
  "public.ticket_messages_id_seq": nothing,
  "public.ticket_audit_id_seq": nothing,
  "public.promotions_id_seq": nothing,
  "public.control_audit_id_seq": nothing,
  // Per-server settings (20261201010000): staff read their server's under RLS, admins their history;
  // writes only through server_settings_update, ticket_category_update and server_settings_ensure.
  "public.server_settings": { authenticated: ["SELECT"] },
  "public.ticket_categories": { authenticated: ["SELECT"] },
  "public.server_settings_audit": { authenticated: ["SELECT"] },
  "public.server_settings_audit_id_seq": nothing,
  // Members and their roles as Discord reported them: only server_members_sync writes, and
  // ticket_assign, ticket_assignees and ticket_assignee_pool (definers) read.
  "public.server_members": nothing,
  // Response-time targets (20261202020000): staff read each ticket's due times under RLS (the inbox);
  // settings and escalations only through the SLA functions.
  "public.server_sla": nothing,
  "public.ticket_sla": { authenticated: ["SELECT"] },
  "public.ticket_sla_escalations": nothing,
  "public.ticket_sla_escalations_id_seq": nothing,
  // Canned replies (20261202040000): staff read their server's under RLS, admins the history; writes
  // only through ticket_snippet_create|update|delete.
  "public.ticket_snippets": { authenticated: ["SELECT"] },
  "public.ticket_snippets_id_seq": nothing,
  "public.ticket_snippet_audit": { authenticated: ["SELECT"] },
  "public.ticket_snippet_audit_id_seq": nothing,
  // Ticket panels (20261202030000): a form's answers, read with their ticket, written by
  // ticket_create_with_answers only.
  "public.ticket_form_answers": { authenticated: ["SELECT"] },
  // Automation (20261202010000): settings, the queue of due work and ratings, each read and written
  // only through their definer functions.
  "public.server_automation": nothing,
  "public.ticket_automation_jobs": nothing,
  "public.ticket_automation_jobs_id_seq": nothing,
  "public.ticket_ratings": nothing,
};

export interface FunctionExpectation {
  execute: readonly ApiRole[];
  /** SECURITY DEFINER: runs as the owner, so it checks the caller itself. */
  definer?: true;
}

const member: FunctionExpectation = { execute: ["authenticated"] };
const memberWrite: FunctionExpectation = { execute: ["authenticated"], definer: true };
const control: FunctionExpectation = { execute: ["service_role"] };
const controlWriter: FunctionExpectation = { execute: ["service_role"], definer: true };
const internal: FunctionExpectation = { execute: [] };
const internalDefiner: FunctionExpectation = { execute: [], definer: true };

export const expectedFunctions: Record<string, FunctionExpectation> = {
  "public.session_info()": { execute: ["authenticated", "service_role"] },

  // Ticket reads: SECURITY INVOKER under RLS.
  "public.ticket_list(text,text,text,text,boolean,text,integer,integer,text)": member,
  "public.ticket_view(text)": member,
  "public.ticket_transcript(text,boolean)": member,
  "public.ticket_autocomplete(text)": member,
  "public.ticket_stats()": member,
  "public.ticket_stats_series(integer)": member,
  // Ticket writes: SECURITY DEFINER with explicit checks; no API role writes the tables.
  "public.ticket_create(text,text,text,text,text)": memberWrite,
  "public.ticket_reply(text,text,text)": memberWrite,
  "public.ticket_close(text,text)": memberWrite,
  "public.ticket_reopen(text)": memberWrite,
  "public.ticket_assign(text,text)": memberWrite,
  "public.ticket_note(text,text)": memberWrite,
  "public.ticket_set_status(text,text)": memberWrite,
  "public.ticket_set_priority(text,text)": memberWrite,

  // The control identity: /maxis status, analytics, execute close-stale-tickets, its audit trail.
  "public.ticket_open_counts()": control,
  "public.control_ticket_figures(timestamp with time zone,timestamp with time zone)": control,
  "public.ticket_close_stale(integer,text)": { execute: ["service_role"], definer: true },
  "public.control_audit_record(text,text,text,text,text,text,text,jsonb)": control,
  "public.control_audit_recent(integer)": control,
  "public.control_audit_refuse_change()": internal,
  // Audit first (20261130140000_control_audit_first.sql): a row before the action, its outcome once,
  // and refused calls counted per minute, reason and key.
  "public.control_audit_begin(text,text,text,text,text,text,text,text,jsonb)": controlWriter,
  "public.control_audit_finish(bigint,text,text)": controlWriter,
  "public.control_audit_refused(text,text,integer)": controlWriter,
  "public.control_audit_refusals_summary(timestamp with time zone)": controlWriter,
  "public.control_audit_finish_once()": internal,
  "public.control_audit_refusals_count_only()": internal,
  "public.control_audit_require_identity()": internal,
  // Maxis's notifier (the control identity's key, no member behind it) records Discord deliveries.
  "public.ticket_record_staff_post(text,integer,text,text,text)": {
    execute: ["service_role"],
    definer: true,
  },
  "public.ticket_record_dm(text,integer,text)": { execute: ["service_role"], definer: true },
  "public.ticket_staff_post(text,integer)": { execute: ["service_role"], definer: true },
  // Ticket threads (issue 12): Maxis's notifier records each thread and stores what the Gateway heard.
  "public.ticket_record_thread(text,integer,text,text)": { execute: ["service_role"], definer: true },
  "public.ticket_thread(text,integer)": { execute: ["service_role"], definer: true },
  "public.ticket_open_threads()": { execute: ["service_role"], definer: true },
  "public.ticket_ingest_messages(jsonb)": { execute: ["service_role"], definer: true },

  // Per-server settings: admins change them, staff read them, members see the enabled categories;
  // Maxis's system identity creates a server's row and records members' roles.
  "public.server_settings_view()": member,
  "public.server_settings_update(jsonb)": memberWrite,
  // Response-time targets: staff read, admins change (the function checks), the SLA scheduler claims.
  "public.server_sla_view()": memberWrite,
  "public.server_sla_update(jsonb)": memberWrite,
  "public.ticket_sla_stats(integer)": member,
  "public.ticket_backlog_series(integer)": member,
  "public.ticket_export(integer)": member,
  "public.sla_claim_escalations(integer)": controlWriter,
  "public.sla_finish_escalation(bigint,boolean,text,text)": controlWriter,
  "tickets_private.sla_add_business_minutes(timestamp with time zone,integer,text,jsonb,date[])": internal,
  "tickets_private.sla_of(text)": internal,
  "tickets_private.sla_refresh(public.tickets,public.server_sla)": internal,
  "tickets_private.sla_on_ticket()": internalDefiner,
  "tickets_private.sla_refresh_guild(text)": internal,
  "tickets_private.sla_default_targets()": internal,
  "tickets_private.sla_settings_of(text)": internal,
  "tickets_private.sla_json(public.server_sla)": internal,
  "tickets_private.parse_weekly_hours(jsonb)": internal,
  "tickets_private.parse_sla_targets(jsonb)": internal,
  "tickets_private.require_sla_scheduler()": internal,
  "public.ticket_category_update(text,jsonb)": memberWrite,
  "public.ticket_category_create(jsonb)": memberWrite,
  "public.ticket_categories_reorder(jsonb)": memberWrite,
  "public.ticket_category_choices()": memberWrite,
  "public.ticket_assignees(text,text)": memberWrite,
  "public.server_settings_ensure(text,jsonb)": { execute: ["service_role"], definer: true },
  // Assignees from Discord's member list (20261203040000): Maxis records them, staff list a ticket's.
  "public.server_members_sync(text,jsonb,boolean)": { execute: ["service_role"], definer: true },
  "public.ticket_assignee_pool(text)": memberWrite,
  // Canned replies: staff read and use them (invokers under RLS), admins change them (definers).
  "public.ticket_snippet_list(text)": member,
  "public.ticket_snippet_choices(text)": member,
  "public.ticket_snippet_draft(text,text)": member,
  "public.ticket_snippet_create(text,text,text)": memberWrite,
  "public.ticket_snippet_update(bigint,text,text,text)": memberWrite,
  "public.ticket_snippet_delete(bigint)": memberWrite,
  "tickets_private.snippet_json(public.ticket_snippets)": member,
  "tickets_private.checked_snippet(text,text,text)": internal,
  "tickets_private.audit_snippet(text,bigint,text,jsonb,jsonb)": internal,
  // Ticket panels: admins record where the panel is; members open a ticket with a form's answers.
  "public.server_settings_record_panel(text,text)": memberWrite,
  "public.ticket_create_with_answers(text,text,text,jsonb,text)": memberWrite,

  // Shop: /shop for members, promotions for the control identity only (they apply to every server).
  // /shop for members and staff; the control identity lists the plans for /maxis promo (suggestions,
  // and the existing plans named when one is unknown).
  // Per server (20261201020000_shop_per_server.sql): members see their server's, the control identity
  // the server it names.
  "public.list_shop(text)": { execute: ["authenticated", "service_role"] },
  "public.promoted_price_cents(integer,integer,integer)": { execute: ["authenticated", "service_role"] },
  "public.create_promotion(text,text,integer,integer,timestamp with time zone)": {
    execute: ["service_role"],
    definer: true,
  },
  // The dashboard's Plans page: a server's admins, checked inside each function (definers).
  "public.plan_list()": memberWrite,
  "public.plan_view(text)": memberWrite,
  "public.plan_create(text,text,integer,text,text,text,text,text,integer,boolean,integer)": memberWrite,
  "public.plan_update(text,timestamp with time zone,text,text,integer,text,text,text,text,text,integer,boolean,integer)":
    memberWrite,
  "public.plan_archive(text)": memberWrite,
  "shop_private.refuse_change()": internal,
  "shop_private.fail(text,text)": internal,
  "shop_private.require_admin()": internal,
  "shop_private.plan_json(public.plans)": internal,
  "shop_private.checked_plan(public.plans)": internal,
  "shop_private.require_free_key(text,text,text)": internal,
  "shop_private.audit(text,text,text,text,jsonb,jsonb)": internal,
  "public.live_promotions()": control,
  "public.promotion_figures(timestamp with time zone,timestamp with time zone)": control,
  "public.shop_caller_is_staff()": control,
  "public.promotion_json(public.promotions,public.plans)": control,

  // Payments: the payments identity (webhooks, scheduled pass) writes through definers; members read
  // their own entitlements and the plans' SKUs under RLS; the control identity reads revenue.
  "public.payments_record_stripe_event(jsonb)": controlWriter,
  "public.payments_record_discord_entitlement(jsonb)": controlWriter,
  "public.payments_expire()": controlWriter,
  "public.payments_claim_role_changes(integer)": controlWriter,
  "public.payments_finish_role_change(bigint,boolean,text)": controlWriter,
  "public.payments_role_targets(integer)": controlWriter,
  "public.payments_queue_repair(text,text,text,boolean)": controlWriter,
  // Revenue of the server an operator names (/maxis analytics, report).
  "public.server_revenue_figures(text,timestamp with time zone,timestamp with time zone)": controlWriter,
  "public.payments_record_checkout(jsonb)": controlWriter,
  "public.payments_close_checkouts(jsonb)": controlWriter,
  // The dashboard's sales page (invoker, RLS) and a plan's Discord role and SKU (admins, definer).
  "public.sales_summary(integer)": member,
  "public.plan_set_discord(text,timestamp with time zone,text,text)": memberWrite,
  "payments_private.entitlement_events(text)": internal,
  "payments_private.record_sales(public.entitlements)": internal,
  "payments_private.sync_stripe_payment(text)": internal,
  // Which subscription a Stripe event concerns, and whether Maxis must cancel it at Stripe (20261207020000).
  "payments_private.subscription_of_event(jsonb)": internal,
  "payments_private.subscription_to_cancel(text)": internal,
  "public.my_entitlements()": member,
  "payments_private.grace_period()": internal,
  "payments_private.require_payments()": internal,
  "payments_private.role_wanted(text,text,text)": internal,
  "payments_private.queue_role_change(text,text,text,boolean,text)": internal,
  "payments_private.put_entitlement(text,text,text,text,text,text,timestamp with time zone,timestamp with time zone,text,text,bigint,integer,text)":
    internal,
  "payments_private.audit_entitlement()": internal,
  "payments_private.sync_stripe_subscription(text)": internal,
  "payments_private.entitlement_json(public.entitlements)": internal,

  // Helpers the ticket reads call as the member or staff member.
  // The categories of the caller's server (a definer: members cannot read ticket_categories).
  "tickets_private.categories()": { execute: ["authenticated"], definer: true },
  "tickets_private.priorities()": member,
  "tickets_private.statuses()": member,
  "tickets_private.fail(text,text)": member,
  "tickets_private.current_caller()": member,
  "tickets_private.require_staff(tickets_private.caller)": member,
  "tickets_private.parse_number(text)": member,
  "tickets_private.parse_category(text)": member,
  "tickets_private.parse_priority(text)": member,
  "tickets_private.parse_status(text)": member,
  "tickets_private.parse_choice(text,text[],text,text)": member,
  "tickets_private.contains_pattern(text)": member,
  "tickets_private.find_ticket(tickets_private.caller,text,boolean)": member,
  "tickets_private.ticket_json(public.tickets,boolean)": member,
  "tickets_private.list_item_json(public.tickets,public.ticket_sla)": member,
  "tickets_private.message_json(public.ticket_messages)": member,
  "tickets_private.audit_json(public.ticket_audit)": member,
  "tickets_private.thread_json(bigint,boolean)": member,
  "tickets_private.stats_window(text,timestamp with time zone)": member,
  "tickets_private.category_json(public.ticket_categories,boolean)": member,
  "tickets_private.settings_json(public.server_settings)": member,
  // The per-category policy on tickets and find_ticket call it as the caller; it reads the categories
  // as owner and answers only about the caller's JWT.
  "tickets_private.staff_categories()": { execute: ["authenticated"], definer: true },
  // Helpers only the writers (as owner) use, and the triggers.
  "tickets_private.locales()": internal,
  "tickets_private.parse_locale(text)": internal,
  "tickets_private.required_text(text,integer,text)": internal,
  "tickets_private.check_open_limit(text,text)": internal,
  "tickets_private.note_staff(tickets_private.caller)": internal,
  "tickets_private.actor()": internal,
  "tickets_private.prepare_ticket()": internal,
  "tickets_private.guard_ticket()": internal,
  "tickets_private.guard_owner_locale()": internal,
  "tickets_private.prepare_message()": internal,
  "tickets_private.refuse_audit_change()": internal,
  "tickets_private.guard_discord_columns()": internal,
  "tickets_private.guard_message_change()": internal,
  "tickets_private.require_notifier()": internal,
  "tickets_private.ticket_of_guild(text,integer)": internal,
  "tickets_private.number_ticket()": internalDefiner,
  "tickets_private.audit_ticket()": internalDefiner,
  "tickets_private.audit_message()": internalDefiner,
  "tickets_private.snowflakes_ok(text[])": internal,
  "tickets_private.require_admin(tickets_private.caller)": internal,
  "tickets_private.default_categories()": internal,
  "tickets_private.default_category_keys()": internal,
  "tickets_private.category_key_ok(text)": internal,
  "tickets_private.category_slug(text)": internal,
  "tickets_private.check_ticket_category()": internalDefiner,
  "tickets_private.parse_snowflake(jsonb,text)": internal,
  "tickets_private.parse_role_ids(jsonb)": internal,
  "tickets_private.parse_setting_text(jsonb,integer,text,boolean)": internal,
  "tickets_private.parse_questions(jsonb)": internal,
  "tickets_private.audit_settings(text,text,text,jsonb,jsonb)": internal,
  "tickets_private.changed_fields(jsonb,jsonb)": internal,
  // One shape for an admin's settings change (20261203070100_admin_settings_update.sql).
  "tickets_private.require_admin_changes(tickets_private.caller,jsonb,text[])": internal,
  "tickets_private.server_settings_for_update(text)": internal,
  "tickets_private.audit_settings_change(text,jsonb,jsonb,text)": internal,
  "tickets_private.jwt_roles()": internal,
  "tickets_private.can_handle(text,text,text)": internal,

  // Automation (20261202010000): staff and owners through definers that check the caller; the
  // scheduler (service_role) claims and finishes due work.
  "public.server_automation_view()": memberWrite,
  "public.server_automation_update(jsonb)": memberWrite,
  "public.ticket_close_request(text)": memberWrite,
  "public.ticket_close_request_answer(integer,boolean)": memberWrite,
  "public.ticket_rate(integer,integer)": memberWrite,
  "public.ticket_rate_comment(integer,text)": memberWrite,
  "public.ticket_satisfaction(integer)": memberWrite,
  "public.automation_claim(integer,text)": controlWriter,
  "public.automation_finish(jsonb)": controlWriter,
  "tickets_private.automation_of(text)": internal,
  "tickets_private.automation_json(public.server_automation)": internal,
  "tickets_private.audit_automation(public.tickets,text,jsonb)": internal,
  "tickets_private.schedule_inactivity(public.tickets)": internal,
  "tickets_private.automation_on_message()": internalDefiner,
  "tickets_private.automation_on_status()": internalDefiner,
  "tickets_private.require_automation()": internal,
  // One claim-with-lease for the role outbox, automation jobs and SLA escalations.
  "queue_private.backoff(integer,interval,double precision,interval)": internal,
  "queue_private.retry_at(integer)": internal,
  "queue_private.max_attempts()": internal,
  "queue_private.given_up_at(integer)": internal,
  "queue_private.claim_due(regclass,text,integer,interval,double precision,boolean)": internal,
};
