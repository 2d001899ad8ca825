-- Response-time targets (issue 13 §4): per priority, a first-response and a resolution target in
-- minutes of the server's business hours (time zone, weekly hours, holidays; 24/7 when no hours are
-- set). Approaching and breached targets post one escalation each in the staff channel.
--
-- Who may do what:
--   * a server's admins change its SLA settings (server_sla_update, audited in server_settings_audit
--     as 'settings_changed'); its staff read them (server_sla_view) and see each ticket's due times
--     (ticket_sla, RLS) in the inbox;
--   * members see nothing of it;
--   * Maxis's scheduler (service_role, sub `maxis:sla`) claims due escalations and reports how their
--     post went (sla_claim_escalations, sla_finish_escalation); nobody else touches them.
--
-- The due times are computed here (tickets_private.sla_add_business_minutes, DST through `at time
-- zone`) and stored per ticket when it is created, when its priority, first response or status
-- changes, and when the server's settings change, so the scheduler's claim is one index range scan
-- on ticket_sla.next_check_at, whatever the number of open tickets. Time is Postgres's now().

-- Settings ------------------------------------------------------------------------------------------------

-- One row per server that set its targets. No row: SLA off.
create table public.server_sla (
  guild_id text primary key references public.server_settings (guild_id),
  enabled boolean not null default false,
  -- IANA zone the business hours and holidays are read in.
  time_zone text not null default 'UTC' check (char_length(time_zone) between 1 and 64),
  -- [{ "day": 1..7 (ISO, Monday = 1), "from": "09:00", "to": "18:00" }] sorted by day and from, or
  -- null: open around the clock (24/7).
  weekly_hours jsonb check (weekly_hours is null or jsonb_typeof(weekly_hours) = 'array'),
  -- Whole local days that do not count (holidays), at most 100.
  holidays date[] not null default '{}' check (cardinality(holidays) <= 100),
  -- { "<priority>": { "firstResponse": minutes | null, "resolution": minutes | null } } for the four
  -- priorities; null: no target of that kind for that priority.
  targets jsonb not null,
  -- "Approaching" escalation when this share of a target has elapsed.
  warn_percent smallint not null default 80 check (warn_percent between 50 and 99),
  -- Mentioned by escalations on top of the category's staff roles; null: the category's roles (or
  -- the server's staff roles for a category without its own).
  on_call_role_id text check (on_call_role_id ~ '^[0-9]{1,20}$'),
  updated_at timestamptz not null default now()
);
comment on table public.server_sla is
  'Per-server response-time targets and business hours. Staff read them through server_sla_view; admins change them through server_sla_update.';

-- Per ticket: when each target falls due and when its "approaching" stage begins, computed from the
-- ticket's creation in business time. next_due_at is the target the ticket is waiting on now (first
-- response until staff answer, then resolution until it closes): the inbox's "time left".
-- next_check_at is the earliest stage not escalated yet: what the scheduler claims.
create table public.ticket_sla (
  ticket_id bigint primary key references public.tickets (id),
  guild_id text not null check (guild_id ~ '^[0-9]{1,20}$'),
  first_response_due_at timestamptz,
  first_response_warn_at timestamptz,
  resolution_due_at timestamptz,
  resolution_warn_at timestamptz,
  next_due_at timestamptz,
  next_check_at timestamptz,
  computed_at timestamptz not null default now()
);
comment on table public.ticket_sla is
  'Due times of each ticket''s response-time targets. Staff read their server''s; only triggers and the SLA functions write.';
-- The scheduler's claim: an index range scan over what is due, however many tickets are open.
create index ticket_sla_check_idx on public.ticket_sla (next_check_at) where next_check_at is not null;
-- The inbox sorted by time left.
create index ticket_sla_due_idx on public.ticket_sla (guild_id, next_due_at) where next_due_at is not null;

-- One escalation per ticket and stage, ever. Its post is retried with backoff until Discord accepts it
-- (next_attempt_at is also the lease: a claimed row is invisible until then, so a pass that died after
-- claiming is resumed by a later one); the post carries the nonce `sla<id>` with enforce_nonce, so a
-- pass killed after Discord accepted it re-sends harmlessly. skipped: nothing to post (the target was
-- met meanwhile, the breach came before the warning went out, or the server has no staff channel).
create table public.ticket_sla_escalations (
  id bigint generated always as identity primary key,
  ticket_id bigint not null references public.tickets (id),
  guild_id text not null check (guild_id ~ '^[0-9]{1,20}$'),
  stage text not null check (stage in (
    'first_response_approaching', 'first_response_breached', 'resolution_approaching', 'resolution_breached'
  )),
  due_at timestamptz not null,
  next_attempt_at timestamptz not null default now(),
  attempts integer not null default 0 check (attempts >= 0),
  posted_at timestamptz,
  message_id text check (message_id ~ '^[0-9]{1,20}$'),
  skipped text check (skipped in ('met', 'superseded', 'no_channel', 'disabled')),
  last_error text check (char_length(last_error) <= 1000),
  failed_at timestamptz,
  created_at timestamptz not null default now(),
  constraint ticket_sla_escalations_once unique (ticket_id, stage)
);
comment on table public.ticket_sla_escalations is
  'Escalations of approaching and breached targets, one per ticket and stage. Written by the SLA functions only.';
create index ticket_sla_escalations_due_idx on public.ticket_sla_escalations (next_attempt_at)
  where posted_at is null and skipped is null and failed_at is null;

-- Privileges and policies: staff read their server's due times (the inbox joins them); everything
-- else goes through the definer functions below.
revoke all on public.server_sla, public.ticket_sla, public.ticket_sla_escalations
  from public, anon, authenticated, service_role;
revoke all on sequence public.ticket_sla_escalations_id_seq from public, anon, authenticated, service_role;
grant select on public.ticket_sla to authenticated;
alter table public.server_sla enable row level security;
alter table public.ticket_sla enable row level security;
alter table public.ticket_sla_escalations enable row level security;
create policy "staff read their server's due times" on public.ticket_sla
  for select to authenticated
  using ((select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id'));

-- An escalation is written in the ticket's history as done by the system. The list of actions is
-- extended, not restated: other migrations of the same wave add their own actions to it, and whichever
-- runs first, each keeps the others'.
do $$
declare
  v_def text;
  v_actions text[];
begin
  select pg_get_constraintdef(oid) into v_def from pg_constraint
   where conrelid = 'public.ticket_audit'::regclass and conname = 'ticket_audit_action_check';
  select array_agg(m[1]) into v_actions from regexp_matches(v_def, '''([a-z_]+)''', 'g') m;
  if not ('sla_escalated' = any (v_actions)) then
    v_actions := array_append(v_actions, 'sla_escalated');
  end if;
  alter table public.ticket_audit drop constraint ticket_audit_action_check;
  execute format('alter table public.ticket_audit add constraint ticket_audit_action_check check (action = any (%L::text[]))',
                 v_actions);
end
$$;

-- Business time --------------------------------------------------------------------------------------------

-- The instant p_minutes of business time after p_start: counted only within the weekly hours (local
-- wall-clock times in p_tz, so a day with a DST switch is an hour shorter or longer) and never on a
-- holiday. p_hours null: every day, all day. Null when the hours leave no time within ~2 years.
create function tickets_private.sla_add_business_minutes(
  p_start timestamptz, p_minutes integer, p_tz text, p_hours jsonb, p_holidays date[]
) returns timestamptz
language plpgsql stable set search_path = ''
as $$
declare
  v_left interval := make_interval(mins => p_minutes);
  v_day date;
  v_open timestamptz;
  v_close timestamptz;
  v_span record;
begin
  if p_start is null or p_minutes is null then
    return null;
  end if;
  if p_hours is null and coalesce(cardinality(p_holidays), 0) = 0 then
    return p_start + v_left;
  end if;
  v_day := (p_start at time zone p_tz)::date;
  for i in 0..800 loop
    if not (v_day = any (coalesce(p_holidays, '{}'))) then
      for v_span in
        select (e ->> 'from')::time as opens, (e ->> 'to')::time as closes
          from jsonb_array_elements(coalesce(p_hours, '[{"day":0,"from":"00:00","to":"24:00"}]'::jsonb)) e
         where p_hours is null or (e ->> 'day')::integer = extract(isodow from v_day)
         order by 1
      loop
        -- A local date plus a wall-clock time, read in the zone: DST gaps and folds are Postgres's.
        v_open := greatest((v_day + v_span.opens) at time zone p_tz, p_start);
        v_close := (v_day + v_span.closes) at time zone p_tz;
        if v_close > v_open then
          if v_open + v_left <= v_close then
            return v_open + v_left;
          end if;
          v_left := v_left - (v_close - v_open);
        end if;
      end loop;
    end if;
    v_day := v_day + 1;
  end loop;
  return null;
end
$$;

-- The settings of a server with SLA on, or null.
create function tickets_private.sla_of(p_guild_id text) returns public.server_sla
language sql stable set search_path = ''
as $$ select s.* from public.server_sla s where s.guild_id = p_guild_id and s.enabled $$;

-- Recomputes one ticket's due times (created_at + targets in business time) and the next stage to check.
-- A ticket of a server without SLA keeps no pending due time.
create function tickets_private.sla_refresh(t public.tickets, s public.server_sla) returns void
language plpgsql set search_path = ''
as $$
declare
  v_first integer;
  v_resolution integer;
  r public.ticket_sla;
  v_done text[];
begin
  if s.guild_id is null then
    update public.ticket_sla x set next_due_at = null, next_check_at = null, computed_at = now()
     where x.ticket_id = t.id and (x.next_due_at is not null or x.next_check_at is not null);
    return;
  end if;
  v_first := (s.targets -> t.priority ->> 'firstResponse')::integer;
  v_resolution := (s.targets -> t.priority ->> 'resolution')::integer;
  r.ticket_id := t.id;
  r.guild_id := t.guild_id;
  r.first_response_due_at := tickets_private.sla_add_business_minutes(t.created_at, v_first, s.time_zone, s.weekly_hours, s.holidays);
  r.first_response_warn_at := tickets_private.sla_add_business_minutes(
    t.created_at, v_first * s.warn_percent / 100, s.time_zone, s.weekly_hours, s.holidays);
  r.resolution_due_at := tickets_private.sla_add_business_minutes(t.created_at, v_resolution, s.time_zone, s.weekly_hours, s.holidays);
  r.resolution_warn_at := tickets_private.sla_add_business_minutes(
    t.created_at, v_resolution * s.warn_percent / 100, s.time_zone, s.weekly_hours, s.holidays);
  r.next_due_at := case
    when t.status = 'closed' then null
    when t.first_staff_response_at is null and r.first_response_due_at is not null then r.first_response_due_at
    else r.resolution_due_at end;
  select coalesce(array_agg(e.stage), '{}') into v_done from public.ticket_sla_escalations e where e.ticket_id = t.id;
  select min(x.at) into r.next_check_at from (values
    ('first_response_approaching', r.first_response_warn_at, t.first_staff_response_at is null),
    ('first_response_breached', r.first_response_due_at, t.first_staff_response_at is null),
    ('resolution_approaching', r.resolution_warn_at, true),
    ('resolution_breached', r.resolution_due_at, true)
  ) x(stage, at, pending)
   where t.status <> 'closed' and x.pending and x.at is not null and not (x.stage = any (v_done));
  insert into public.ticket_sla as x (ticket_id, guild_id, first_response_due_at, first_response_warn_at,
                                      resolution_due_at, resolution_warn_at, next_due_at, next_check_at)
  values (r.ticket_id, r.guild_id, r.first_response_due_at, r.first_response_warn_at, r.resolution_due_at,
          r.resolution_warn_at, r.next_due_at, r.next_check_at)
  on conflict (ticket_id) do update set
    first_response_due_at = excluded.first_response_due_at, first_response_warn_at = excluded.first_response_warn_at,
    resolution_due_at = excluded.resolution_due_at, resolution_warn_at = excluded.resolution_warn_at,
    next_due_at = excluded.next_due_at, next_check_at = excluded.next_check_at, computed_at = now();
end
$$;

-- A ticket was opened, or what its targets depend on changed.
create function tickets_private.sla_on_ticket() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  s public.server_sla := tickets_private.sla_of(new.guild_id);
begin
  if s.guild_id is null and (tg_op = 'INSERT' or not exists (select 1 from public.ticket_sla x where x.ticket_id = new.id)) then
    return null;
  end if;
  perform tickets_private.sla_refresh(new, s);
  return null;
end
$$;

create trigger tickets_sla_on_insert after insert on public.tickets
  for each row execute function tickets_private.sla_on_ticket();
create trigger tickets_sla_on_update
  after update of priority, status, first_staff_response_at, closed_at, created_at on public.tickets
  for each row execute function tickets_private.sla_on_ticket();

-- Every ticket of the server not closed, after its settings changed.
create function tickets_private.sla_refresh_guild(p_guild_id text) returns void
language plpgsql set search_path = ''
as $$
declare
  s public.server_sla := tickets_private.sla_of(p_guild_id);
  t public.tickets;
begin
  for t in select x.* from public.tickets x where x.guild_id = p_guild_id and x.status <> 'closed' loop
    perform tickets_private.sla_refresh(t, s);
  end loop;
end
$$;

-- Settings' JSON and parsing ---------------------------------------------------------------------------

create function tickets_private.sla_default_targets() returns jsonb
language sql immutable set search_path = ''
as $$
  select '{"critical": {"firstResponse": 60, "resolution": 480},
           "high": {"firstResponse": 240, "resolution": 1440},
           "medium": {"firstResponse": 480, "resolution": 2880},
           "low": {"firstResponse": 1440, "resolution": 7200}}'::jsonb
$$;

-- A server's settings, its defaults when it never changed them.
create function tickets_private.sla_settings_of(p_guild_id text) returns public.server_sla
language plpgsql stable set search_path = ''
as $$
declare
  s public.server_sla;
begin
  select x.* into s from public.server_sla x where x.guild_id = p_guild_id;
  if s.guild_id is null then
    s := row(p_guild_id, false, 'UTC', null, '{}', tickets_private.sla_default_targets(), 80, null, now())::public.server_sla;
  end if;
  return s;
end
$$;

create function tickets_private.sla_json(s public.server_sla) returns jsonb
language sql immutable set search_path = ''
as $$
  select jsonb_build_object(
    'enabled', s.enabled, 'timeZone', s.time_zone, 'weeklyHours', s.weekly_hours,
    'holidays', to_jsonb(s.holidays), 'targets', s.targets, 'warnPercent', s.warn_percent,
    'onCallRoleId', s.on_call_role_id)
$$;

-- [{ day 1..7, from "HH:MM", to "HH:MM" or "24:00" }], at most 21 spans, none overlapping on one day.
create function tickets_private.parse_weekly_hours(p_value jsonb) returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  v jsonb;
begin
  if p_value is null or p_value = 'null'::jsonb then
    return null;
  end if;
  if jsonb_typeof(p_value) <> 'array' or jsonb_array_length(p_value) not between 1 and 21
     or exists (select 1 from jsonb_array_elements(p_value) e
                 where jsonb_typeof(e) <> 'object'
                    or jsonb_typeof(e -> 'day') <> 'number' or (e ->> 'day') !~ '^[1-7]$'
                    or coalesce(e ->> 'from', '') !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
                    or coalesce(e ->> 'to', '') !~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'
                    or (e ->> 'to')::time <= (e ->> 'from')::time) then
    perform tickets_private.fail('invalid_weekly_hours',
      'Weekly hours are 1 to 21 spans { day: 1 (Monday) to 7, from: "HH:MM", to: "HH:MM" }, each ending after it starts.');
  end if;
  select jsonb_agg(jsonb_build_object('day', (e ->> 'day')::integer, 'from', e ->> 'from', 'to', e ->> 'to')
                   order by (e ->> 'day')::integer, e ->> 'from')
    into v from jsonb_array_elements(p_value) e;
  if exists (select 1 from (
      select (e ->> 'from')::time as opens,
             lag((e ->> 'to')::time) over (partition by e ->> 'day' order by e ->> 'from') as prev_closes
        from jsonb_array_elements(v) e) x where x.opens < x.prev_closes) then
    perform tickets_private.fail('invalid_weekly_hours', 'Two spans of one day overlap.');
  end if;
  return v;
end
$$;

create function tickets_private.parse_sla_targets(p_value jsonb) returns jsonb
language plpgsql immutable set search_path = ''
as $$
begin
  if p_value is null or jsonb_typeof(p_value) <> 'object'
     or exists (select 1 from jsonb_object_keys(p_value) k where not (k = any (tickets_private.priorities())))
     or exists (select 1 from unnest(tickets_private.priorities()) p
                 where jsonb_typeof(p_value -> p) is distinct from 'object'
                    or exists (select 1 from jsonb_object_keys(p_value -> p) k where k not in ('firstResponse', 'resolution'))
                    or exists (select 1 from unnest(array['firstResponse', 'resolution']) k
                                where (p_value -> p -> k) is not null and p_value -> p -> k <> 'null'::jsonb
                                  and (jsonb_typeof(p_value -> p -> k) <> 'number' or (p_value -> p ->> k) !~ '^[0-9]{1,6}$'
                                       or (p_value -> p ->> k)::integer not between 1 and 525600))) then
    perform tickets_private.fail('invalid_targets',
      'Targets name the four priorities, each { firstResponse, resolution } in minutes (1 to 525600) or null.');
  end if;
  return (select jsonb_object_agg(p, jsonb_build_object(
            'firstResponse', (p_value -> p ->> 'firstResponse')::integer,
            'resolution', (p_value -> p ->> 'resolution')::integer))
            from unnest(tickets_private.priorities()) p);
end
$$;

-- Functions for staff ----------------------------------------------------------------------------------

-- The caller's server's SLA settings (staff only); the defaults when it never set them.
create function public.server_sla_view() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
begin
  perform tickets_private.require_staff(c);
  return tickets_private.sla_json(tickets_private.sla_settings_of(c.guild_id));
end
$$;

-- An admin changes some of their server's SLA settings. p_changes names only what changes: enabled,
-- timeZone, weeklyHours (null: 24/7), holidays, targets, warnPercent, onCallRoleId. Unknown keys are
-- refused. One audit row with the changed fields; every open ticket's due times are recomputed.
create function public.server_sla_update(p_changes jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  s public.server_sla;
  v_old jsonb;
  v_new jsonb;
  v_diff jsonb;
  v_unknown text;
  v_day text;
begin
  perform tickets_private.require_admin(c);
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' then
    perform tickets_private.fail('invalid_settings', 'Settings changes are a JSON object.');
  end if;
  select k into v_unknown from jsonb_object_keys(p_changes) k
   where k not in ('enabled', 'timeZone', 'weeklyHours', 'holidays', 'targets', 'warnPercent', 'onCallRoleId')
   limit 1;
  if v_unknown is not null then
    perform tickets_private.fail('invalid_settings', format('%s is not a setting.', v_unknown));
  end if;
  if not exists (select 1 from public.server_settings x where x.guild_id = c.guild_id) then
    perform tickets_private.fail('server_not_set_up', 'Maxis has not served this server yet.');
  end if;
  if p_changes ? 'enabled' and jsonb_typeof(p_changes -> 'enabled') <> 'boolean' then
    perform tickets_private.fail('invalid_settings', 'enabled is true or false.');
  end if;
  if p_changes ? 'timeZone' and (jsonb_typeof(p_changes -> 'timeZone') <> 'string'
       or not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = p_changes ->> 'timeZone')) then
    perform tickets_private.fail('invalid_time_zone', 'A time zone is an IANA name such as Europe/Paris.');
  end if;
  if p_changes ? 'holidays' and (jsonb_typeof(p_changes -> 'holidays') <> 'array'
       or jsonb_array_length(p_changes -> 'holidays') > 100
       or exists (select 1 from jsonb_array_elements(p_changes -> 'holidays') e
                   where jsonb_typeof(e) <> 'string' or (e #>> '{}') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')) then
    perform tickets_private.fail('invalid_holidays', 'Holidays are at most 100 dates written YYYY-MM-DD.');
  end if;
  if p_changes ? 'holidays' then
    for v_day in select e #>> '{}' from jsonb_array_elements(p_changes -> 'holidays') e loop
      begin
        perform v_day::date;
      exception when others then
        perform tickets_private.fail('invalid_holidays', format('%s is not a date.', v_day));
      end;
    end loop;
  end if;
  if p_changes ? 'warnPercent' and (jsonb_typeof(p_changes -> 'warnPercent') <> 'number'
       or (p_changes ->> 'warnPercent') !~ '^[0-9]{2}$' or (p_changes ->> 'warnPercent')::integer not between 50 and 99) then
    perform tickets_private.fail('invalid_warn_percent', 'The warning comes when 50 to 99 % of a target has elapsed.');
  end if;

  s := tickets_private.sla_settings_of(c.guild_id);
  v_old := tickets_private.sla_json(s);
  insert into public.server_sla as x (guild_id, enabled, time_zone, weekly_hours, holidays, targets, warn_percent,
                                      on_call_role_id, updated_at)
  values (
    c.guild_id,
    case when p_changes ? 'enabled' then (p_changes ->> 'enabled')::boolean else s.enabled end,
    case when p_changes ? 'timeZone' then p_changes ->> 'timeZone' else s.time_zone end,
    case when p_changes ? 'weeklyHours' then tickets_private.parse_weekly_hours(p_changes -> 'weeklyHours') else s.weekly_hours end,
    case when p_changes ? 'holidays'
      then (select coalesce(array_agg(distinct (e #>> '{}')::date order by (e #>> '{}')::date), '{}')
              from jsonb_array_elements(p_changes -> 'holidays') e)
      else s.holidays end,
    case when p_changes ? 'targets' then tickets_private.parse_sla_targets(p_changes -> 'targets') else s.targets end,
    case when p_changes ? 'warnPercent' then (p_changes ->> 'warnPercent')::smallint else s.warn_percent end,
    case when p_changes ? 'onCallRoleId' then tickets_private.parse_snowflake(p_changes -> 'onCallRoleId', 'on_call_role')
      else s.on_call_role_id end,
    now()
  )
  on conflict (guild_id) do update set
    enabled = excluded.enabled, time_zone = excluded.time_zone, weekly_hours = excluded.weekly_hours,
    holidays = excluded.holidays, targets = excluded.targets, warn_percent = excluded.warn_percent,
    on_call_role_id = excluded.on_call_role_id, updated_at = excluded.updated_at
  returning x.* into s;
  v_new := tickets_private.sla_json(s);
  v_diff := tickets_private.changed_fields(v_old, v_new);
  if v_diff is not null then
    perform tickets_private.audit_settings(c.guild_id, 'settings_changed', null,
      jsonb_build_object('sla', v_diff -> 'before'), jsonb_build_object('sla', v_diff -> 'after'));
    perform tickets_private.sla_refresh_guild(c.guild_id);
  end if;
  return v_new;
end
$$;

-- The scheduler (service_role, sub maxis:sla) ---------------------------------------------------------------

create function tickets_private.require_sla_scheduler() returns void
language plpgsql stable set search_path = ''
as $$
begin
  if coalesce(auth.jwt() ->> 'role', '') <> 'service_role' or coalesce(auth.jwt() ->> 'sub', '') <> 'maxis:sla' then
    perform tickets_private.fail('not_authenticated', 'Only Maxis''s scheduler escalates response-time targets.');
  end if;
end
$$;

-- One pass's claim, in one transaction:
--   1. tickets whose next stage time has come (an index range scan on ticket_sla_check_idx, locked
--      with skip locked so two passes take different tickets) get one escalation row per stage that
--      is due (unique per ticket and stage: never two); an "approaching" stage found due together
--      with its breach is skipped as superseded; their next stage time moves on;
--   2. escalations whose target was met meanwhile, or whose server has no staff channel, are skipped;
--   3. up to p_limit pending escalations are leased for 2 minutes (skip locked) and returned with
--      what their post needs.
create function public.sla_claim_escalations(p_limit integer default 20)
returns setof jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t public.tickets;
  x public.ticket_sla;
  s public.server_sla;
begin
  perform tickets_private.require_sla_scheduler();
  for x in
    select d.* from public.ticket_sla d
     where d.next_check_at <= now()
     order by d.next_check_at
     limit 200
     for update skip locked
  loop
    select k.* into t from public.tickets k where k.id = x.ticket_id;
    insert into public.ticket_sla_escalations (ticket_id, guild_id, stage, due_at, skipped)
    select t.id, t.guild_id, e.stage, e.due_at,
           case when e.stage like '%_approaching' and e.breach_at <= now() then 'superseded' end
      from (values
        ('first_response_approaching', x.first_response_warn_at, x.first_response_due_at, x.first_response_due_at,
         t.first_staff_response_at is null),
        ('first_response_breached', x.first_response_due_at, x.first_response_due_at, x.first_response_due_at,
         t.first_staff_response_at is null),
        ('resolution_approaching', x.resolution_warn_at, x.resolution_due_at, x.resolution_due_at, true),
        ('resolution_breached', x.resolution_due_at, x.resolution_due_at, x.resolution_due_at, true)
      ) e(stage, at, due_at, breach_at, pending)
     where t.status <> 'closed' and e.pending and e.at <= now()
    on conflict (ticket_id, stage) do nothing;
    s := tickets_private.sla_of(t.guild_id);
    perform tickets_private.sla_refresh(t, s);
  end loop;

  update public.ticket_sla_escalations e
     set skipped = case
           when k.status = 'closed' or (e.stage like 'first_response_%' and k.first_staff_response_at is not null) then 'met'
           when not coalesce(v.enabled, false) then 'disabled'
           else 'no_channel' end
    from public.tickets k
    left join public.server_settings g on g.guild_id = k.guild_id
    left join public.server_sla v on v.guild_id = k.guild_id
   where e.ticket_id = k.id and e.posted_at is null and e.skipped is null and e.failed_at is null
     and e.next_attempt_at <= now()
     and (k.status = 'closed' or (e.stage like 'first_response_%' and k.first_staff_response_at is not null)
          or g.staff_channel_id is null or not coalesce(v.enabled, false));

  return query
    with due as (
      select e.id from public.ticket_sla_escalations e
       where e.posted_at is null and e.skipped is null and e.failed_at is null and e.next_attempt_at <= now()
       order by e.next_attempt_at, e.id
       limit least(greatest(coalesce(p_limit, 20), 1), 100)
       for update skip locked
    ), leased as (
      update public.ticket_sla_escalations e
         set next_attempt_at = now() + interval '2 minutes', attempts = e.attempts + 1
        from due where e.id = due.id
      returning e.*
    )
    select jsonb_build_object(
      'id', l.id, 'stage', l.stage, 'dueAt', l.due_at, 'attempts', l.attempts,
      'guildId', k.guild_id, 'number', k.number, 'subject', k.subject, 'priority', k.priority,
      'category', k.category, 'status', k.status, 'assigneeId', k.assignee_id,
      'channelId', g.staff_channel_id, 'locale', g.default_locale,
      'roleIds', to_jsonb((select coalesce(array_agg(distinct r order by r), '{}') from unnest(
          case when cardinality(coalesce(cat.staff_role_ids, '{}')) > 0 then cat.staff_role_ids else g.staff_role_ids end
          || case when v.on_call_role_id is not null then array[v.on_call_role_id] else '{}'::text[] end) r)))
      from leased l
      join public.tickets k on k.id = l.ticket_id
      join public.server_settings g on g.guild_id = k.guild_id
      left join public.ticket_categories cat on cat.guild_id = k.guild_id and cat.key = k.category
      left join public.server_sla v on v.guild_id = k.guild_id;
end
$$;

-- How an escalation's post went: posted (written in the ticket's history as done by the system), or
-- retried later (5 s, 20 s, 80 s… at most an hour apart); after the 6th failed try it stops, keeping
-- failed_at and the error. Returns whether it was given up.
create function public.sla_finish_escalation(p_id bigint, p_ok boolean, p_message_id text default null,
                                             p_error text default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  e public.ticket_sla_escalations;
  t public.tickets;
begin
  perform tickets_private.require_sla_scheduler();
  if p_ok then
    update public.ticket_sla_escalations x set posted_at = now(), last_error = null,
           message_id = case when p_message_id ~ '^[0-9]{1,20}$' then p_message_id end
     where x.id = p_id and x.posted_at is null and x.skipped is null
    returning x.* into e;
    if e.id is not null then
      select k.* into t from public.tickets k where k.id = e.ticket_id;
      insert into public.ticket_audit (guild_id, ticket_id, ticket_number, action, actor_id, actor_role, before, after)
      values (t.guild_id, t.id, t.number, 'sla_escalated', null, 'system', null,
              jsonb_build_object('stage', e.stage, 'due_at', e.due_at, 'message_id', e.message_id));
    end if;
    return jsonb_build_object('posted', e.id is not null, 'failed', false);
  end if;
  update public.ticket_sla_escalations x
     set last_error = left(coalesce(p_error, 'unknown error'), 1000),
         failed_at = case when x.attempts >= 6 then now() end,
         next_attempt_at = now() + least(interval '1 hour', interval '5 seconds' * power(4, greatest(x.attempts, 1) - 1))
   where x.id = p_id and x.posted_at is null and x.skipped is null
  returning x.* into e;
  return jsonb_build_object('posted', false, 'failed', e.failed_at is not null);
end
$$;

-- Stats (staff) -------------------------------------------------------------------------------------------

-- Compliance over the tickets created in the last p_days that had a target: per kind (first response,
-- resolution) and priority, how many met it, breached it (answered or closed late, or still waiting
-- past the due time) and are still running within it.
create function public.ticket_sla_stats(p_days integer default 30) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
begin
  perform tickets_private.require_staff(c);
  if p_days is null or p_days not between 1 and 365 then
    perform tickets_private.fail('invalid_days', 'days is a whole number from 1 to 365.');
  end if;
  return (
    with w as materialized (
      select t.priority,
             case when s.first_response_due_at is null then null
                  when t.first_staff_response_at is not null
                    then case when t.first_staff_response_at <= s.first_response_due_at then 'met' else 'breached' end
                  when now() > s.first_response_due_at then 'breached' else 'running' end as first_response,
             case when s.resolution_due_at is null then null
                  when t.closed_at is not null
                    then case when t.closed_at <= s.resolution_due_at then 'met' else 'breached' end
                  when now() > s.resolution_due_at then 'breached' else 'running' end as resolution
        from public.tickets t join public.ticket_sla s on s.ticket_id = t.id
       where t.guild_id = c.guild_id and t.created_at >= now() - make_interval(days => p_days)
    ), kinds as (
      select 'firstResponse' as kind, w.priority, w.first_response as outcome from w where w.first_response is not null
      union all
      select 'resolution', w.priority, w.resolution from w where w.resolution is not null
    ), counts as (
      select k.kind, k.priority, count(*) filter (where k.outcome = 'met') as met,
             count(*) filter (where k.outcome = 'breached') as breached,
             count(*) filter (where k.outcome = 'running') as running
        from kinds k group by grouping sets ((k.kind, k.priority), (k.kind))
    )
    select jsonb_build_object('days', p_days, 'generatedAt', now(),
      'firstResponse', (select jsonb_build_object('met', coalesce(sum(met), 0), 'breached', coalesce(sum(breached), 0),
                                                  'running', coalesce(sum(running), 0))
                          from counts where kind = 'firstResponse' and priority is null),
      'resolution', (select jsonb_build_object('met', coalesce(sum(met), 0), 'breached', coalesce(sum(breached), 0),
                                               'running', coalesce(sum(running), 0))
                       from counts where kind = 'resolution' and priority is null),
      'byPriority', (select jsonb_object_agg(p, jsonb_build_object(
          'firstResponse', (select jsonb_build_object('met', n.met, 'breached', n.breached, 'running', n.running)
                              from counts n where n.kind = 'firstResponse' and n.priority = p),
          'resolution', (select jsonb_build_object('met', n.met, 'breached', n.breached, 'running', n.running)
                           from counts n where n.kind = 'resolution' and n.priority = p)))
          from unnest(tickets_private.priorities()) p))
  );
end
$$;

-- The backlog (tickets not closed) at the end of each of the last p_days UTC days, oldest first, with
-- the tickets opened and closed that day. A reopened ticket counts from its last closing only.
create function public.ticket_backlog_series(p_days integer default 30) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_start timestamptz;
  v_before bigint;
begin
  perform tickets_private.require_staff(c);
  if p_days is null or p_days not between 1 and 365 then
    perform tickets_private.fail('invalid_days', 'days is a whole number from 1 to 365.');
  end if;
  v_start := (now() at time zone 'UTC')::date - (p_days - 1);
  v_start := v_start::timestamp at time zone 'UTC';
  select count(*) into v_before from public.tickets t
   where t.guild_id = c.guild_id and t.created_at < v_start and (t.closed_at is null or t.closed_at >= v_start);
  return (
    with days as (
      select d::date as day from generate_series(v_start at time zone 'UTC', now() at time zone 'UTC', interval '1 day') d
    ), opened as (
      select (t.created_at at time zone 'UTC')::date as day, count(*) as n from public.tickets t
       where t.guild_id = c.guild_id and t.created_at >= v_start group by 1
    ), closed as (
      select (t.closed_at at time zone 'UTC')::date as day, count(*) as n from public.tickets t
       where t.guild_id = c.guild_id and t.closed_at >= v_start and t.created_at < now() group by 1
    ), daily as (
      select d.day, coalesce(o.n, 0) as opened, coalesce(x.n, 0) as closed,
             v_before + sum(coalesce(o.n, 0) - coalesce(x.n, 0)) over (order by d.day) as backlog
        from days d left join opened o on o.day = d.day left join closed x on x.day = d.day
    )
    select jsonb_build_object('days', p_days, 'daily', coalesce(jsonb_agg(jsonb_build_object(
             'date', y.day, 'opened', y.opened, 'closed', y.closed, 'backlog', y.backlog) order by y.day), '[]'::jsonb))
      from daily y
  );
end
$$;

-- Exports (staff): the tickets created in the last p_days (newest first, at most 10,000) with their
-- targets' outcome, and the agents' figures over the same window.
create function public.ticket_export(p_days integer default 30) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
begin
  perform tickets_private.require_staff(c);
  if p_days is null or p_days not between 1 and 365 then
    perform tickets_private.fail('invalid_days', 'days is a whole number from 1 to 365.');
  end if;
  return jsonb_build_object(
    'tickets', (select coalesce(jsonb_agg(x.row order by x.number desc), '[]'::jsonb) from (
      select t.number, jsonb_build_object(
        'number', t.number, 'subject', t.subject, 'category', t.category, 'priority', t.priority,
        'status', t.status, 'ownerId', t.owner_id, 'assigneeId', t.assignee_id, 'createdAt', t.created_at,
        'firstStaffResponseAt', t.first_staff_response_at, 'closedAt', t.closed_at,
        'firstResponseDueAt', s.first_response_due_at, 'resolutionDueAt', s.resolution_due_at) as row
        from public.tickets t left join public.ticket_sla s on s.ticket_id = t.id
       where t.guild_id = c.guild_id and t.created_at >= now() - make_interval(days => p_days)
       order by t.number desc limit 10000) x),
    'agents', tickets_private.stats_window(c.guild_id, now() - make_interval(days => p_days)) -> 'agents'
  );
end
$$;

-- Privileges --------------------------------------------------------------------------------------------
revoke all on function
  tickets_private.sla_add_business_minutes(timestamptz, integer, text, jsonb, date[]),
  tickets_private.sla_of(text),
  tickets_private.sla_refresh(public.tickets, public.server_sla),
  tickets_private.sla_on_ticket(),
  tickets_private.sla_refresh_guild(text),
  tickets_private.sla_default_targets(),
  tickets_private.sla_settings_of(text),
  tickets_private.sla_json(public.server_sla),
  tickets_private.parse_weekly_hours(jsonb),
  tickets_private.parse_sla_targets(jsonb),
  tickets_private.require_sla_scheduler(),
  public.server_sla_view(),
  public.server_sla_update(jsonb),
  public.sla_claim_escalations(integer),
  public.sla_finish_escalation(bigint, boolean, text, text),
  public.ticket_sla_stats(integer),
  public.ticket_backlog_series(integer),
  public.ticket_export(integer)
from public, anon, authenticated, service_role;
grant execute on function public.server_sla_view(), public.server_sla_update(jsonb), public.ticket_sla_stats(integer),
  public.ticket_backlog_series(integer), public.ticket_export(integer) to authenticated;
grant execute on function public.sla_claim_escalations(integer),
  public.sla_finish_escalation(bigint, boolean, text, text) to service_role;
