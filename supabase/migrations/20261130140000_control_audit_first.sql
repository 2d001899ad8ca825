-- No row, no action (issue 17, holes 2 and 3).
--
-- 1. A verified control call is written to control_audit BEFORE its action runs: as 'pending' when it
--    is about to run, or with its final outcome when it is refused there and then (unknown route, bad
--    body). Maxis refuses the call when that insert fails. A pending row is finished exactly once
--    (pending → accepted | rejected | failed); every other update, every delete and truncate is still
--    refused, so the trail stays append-only in substance. A row left 'pending' means the action
--    started and its result could not be recorded.
-- 2. Calls whose signature, timestamp or nonce failed (anyone on the internet can send them) are not
--    one row each: control_audit_refusals counts them per (minute, reason, known key id), so junk
--    cannot grow the trail without bound nor push real calls out of the report. Nothing a refused
--    request says is stored: only the reason (a code Maxis chose) and the key id when it is one this
--    Maxis has configured (Maxis checks; the database checks its shape).
--
-- Who writes: only the control system identity (role service_role, sub 'control:<key id>'), through
-- the SECURITY DEFINER functions below, which check that identity and every field. service_role gets
-- no table privilege for any of this.

-- control_audit: pending rows, the nonce, when the call finished ------------------------------------------

alter table public.control_audit drop constraint control_audit_outcome_check;
alter table public.control_audit add constraint control_audit_outcome_check
  check (outcome in ('pending', 'accepted', 'rejected', 'refused', 'failed'));

-- The verified request's nonce: one row per call, and a second lock against replays.
alter table public.control_audit add column nonce text check (nonce ~ '^[0-9a-f]{32}$');
create unique index control_audit_nonce_key on public.control_audit (nonce) where nonce is not null;
-- The HTTP method of the call (a verified call to a wrong method is recorded too).
alter table public.control_audit add column method text check (method ~ '^[A-Z]{1,10}$');
-- When the action's result was recorded; null while pending (and for rows written final).
alter table public.control_audit add column finished_at timestamptz;

-- New rows name an action by its shape only (a route Maxis knows, or 'unknown'): no path, no free text.
-- NOT VALID: rows written before this migration keep whatever they held (they are shown escaped).
alter table public.control_audit add constraint control_audit_action_shape
  check (action ~ '^[a-z][a-z-]{0,31}$') not valid;
alter table public.control_audit add constraint control_audit_code_shape
  check (code ~ '^[a-z][a-z0-9_]{0,63}$') not valid;

-- Deletes and truncates stay refused by control_audit_refuse_change(); updates get their own rule.
drop trigger control_audit_no_update on public.control_audit;
create trigger control_audit_no_delete before delete on public.control_audit
  for each row execute function public.control_audit_refuse_change();

create function public.control_audit_finish_once() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if old.outcome = 'pending'
     and new.outcome in ('accepted', 'rejected', 'failed')
     and new.finished_at is not null
     and (new.id, new.at, new.key_id, new.claimed_key_id, new.operator_id, new.operator_name, new.action,
          new.request, new.recorded_by, new.nonce, new.method)
         is not distinct from
         (old.id, old.at, old.key_id, old.claimed_key_id, old.operator_id, old.operator_name, old.action,
          old.request, old.recorded_by, old.nonce, old.method)
  then
    return new;
  end if;
  raise exception using errcode = '42501',
    message = 'control_audit is append-only: a pending call is finished once, nothing else changes';
end
$$;

create trigger control_audit_finish_only before update on public.control_audit
  for each row execute function public.control_audit_finish_once();

-- control_audit_refusals: refused calls, counted ------------------------------------------------------

-- One row per (minute, reason, configured key id or none), with how many calls it counts.
create table public.control_audit_refusals (
  minute timestamptz not null check (minute = date_trunc('minute', minute)),
  -- Why Maxis refused them: a code of its own (missing_headers, bad_signature, …), never request text.
  code text not null check (code ~ '^[a-z][a-z0-9_]{0,63}$'),
  -- The key id the calls claimed, only when this Maxis has that key configured; otherwise null.
  key_id text check (key_id ~ '^[A-Za-z0-9._-]{1,64}$'),
  count integer not null check (count > 0),
  first_at timestamptz not null default now(),
  last_at timestamptz not null default now(),
  recorded_by text not null check (recorded_by like 'control:%'),
  unique nulls not distinct (minute, code, key_id)
);
comment on table public.control_audit_refusals is
  'Refused control API calls, counted per minute and reason. Only the count and last_at ever change.';

create index control_audit_refusals_last_idx on public.control_audit_refusals (last_at desc);

revoke all on public.control_audit_refusals from public, anon, authenticated, service_role;
alter table public.control_audit_refusals enable row level security;
-- No policy: no API role reads or writes it directly; the definer functions below do, as the owner.

create function public.control_audit_refusals_count_only() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and new.count > old.count
     and new.last_at >= old.last_at
     and (new.minute, new.code, new.key_id, new.first_at, new.recorded_by)
         is not distinct from (old.minute, old.code, old.key_id, old.first_at, old.recorded_by)
  then
    return new;
  end if;
  raise exception using errcode = '42501',
    message = 'control_audit_refusals only counts: nothing is rewritten or removed';
end
$$;

create trigger control_audit_refusals_no_rewrite before update or delete on public.control_audit_refusals
  for each row execute function public.control_audit_refusals_count_only();
create trigger control_audit_refusals_no_truncate before truncate on public.control_audit_refusals
  for each statement execute function public.control_audit_refusals_count_only();

-- Functions (SECURITY DEFINER, fixed search_path, each checks the control identity) --------------------

create function public.control_audit_require_identity() returns text
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_sub text := auth.jwt() ->> 'sub';
begin
  if coalesce(auth.jwt() ->> 'role', '') <> 'service_role' or v_sub is null or v_sub not like 'control:%' then
    raise exception using errcode = '42501', message = 'control identity required';
  end if;
  return v_sub;
end
$$;

-- Records a verified call before anything runs: 'pending' if its action is about to run, or 'rejected'
-- when Maxis refuses it there and then. Returns the row id that control_audit_finish takes.
create function public.control_audit_begin(
  p_key_id text,
  p_nonce text,
  p_method text,
  p_action text,
  p_outcome text,
  p_code text,
  p_operator_id text default null,
  p_operator_name text default null,
  p_request jsonb default null
) returns bigint
language plpgsql security definer set search_path = ''
as $$
declare
  v_sub text := public.control_audit_require_identity();
  v_id bigint;
begin
  if p_outcome not in ('pending', 'rejected') then
    raise exception using errcode = '22023', message = 'a call starts pending or rejected';
  end if;
  if v_sub <> 'control:' || p_key_id then
    raise exception using errcode = '42501', message = 'the row must name the key that signed the call';
  end if;
  insert into public.control_audit
    (key_id, claimed_key_id, nonce, method, operator_id, operator_name, action, outcome, code, request,
     recorded_by)
  values
    (p_key_id, p_key_id, p_nonce, p_method, p_operator_id, p_operator_name, p_action, p_outcome, p_code,
     p_request, v_sub)
  returning id into v_id;
  return v_id;
end
$$;

-- Records the result of a pending call, once.
create function public.control_audit_finish(p_id bigint, p_outcome text, p_code text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_sub text := public.control_audit_require_identity();
begin
  update public.control_audit
     set outcome = p_outcome, code = p_code, finished_at = now()
   where id = p_id and outcome = 'pending' and recorded_by = v_sub;
  if not found then
    raise exception using errcode = 'P0001', message = 'no pending control call with this id';
  end if;
end
$$;

-- Counts one refused call (or p_count of them) in its minute.
create function public.control_audit_refused(p_code text, p_key_id text default null, p_count integer default 1)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_sub text := public.control_audit_require_identity();
begin
  if p_count is null or p_count < 1 or p_count > 100000 then
    raise exception using errcode = '22023', message = 'p_count must be between 1 and 100000';
  end if;
  insert into public.control_audit_refusals as r (minute, code, key_id, count, recorded_by)
  values (date_trunc('minute', now()), p_code, p_key_id, p_count, v_sub)
  on conflict (minute, code, key_id) do update
    set count = r.count + excluded.count, last_at = greatest(r.last_at, excluded.last_at);
end
$$;

-- Refused calls since p_since, per reason and key id, the most recent first (at most 50 lines).
create function public.control_audit_refusals_summary(p_since timestamptz) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_result jsonb;
begin
  perform public.control_audit_require_identity();
  select coalesce(jsonb_agg(jsonb_build_object(
      'code', s.code, 'keyId', s.key_id, 'count', s.total, 'firstAt', s.first_at, 'lastAt', s.last_at)
      order by s.last_at desc), '[]'::jsonb)
    into v_result
  from (
    select r.code, r.key_id, sum(r.count)::bigint as total, min(r.first_at) as first_at,
           max(r.last_at) as last_at
      from public.control_audit_refusals r
     where r.last_at >= p_since
     group by r.code, r.key_id
     order by max(r.last_at) desc
     limit 50
  ) s;
  return v_result;
end
$$;

-- The latest calls, newest first, now with their nonce, method and when they finished.
create or replace function public.control_audit_recent(p_limit integer default 10) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'at', a.at, 'keyId', a.key_id, 'claimedKeyId', a.claimed_key_id, 'operatorId', a.operator_id,
      'operatorName', a.operator_name, 'action', a.action, 'outcome', a.outcome, 'code', a.code,
      'nonce', a.nonce, 'method', a.method, 'finishedAt', a.finished_at)
      order by a.id desc), '[]'::jsonb)
  from (
    select * from public.control_audit
     order by id desc
     limit greatest(1, least(coalesce(p_limit, 10), 200))
  ) a
$$;

revoke all on function public.control_audit_finish_once(), public.control_audit_refusals_count_only(),
  public.control_audit_require_identity(),
  public.control_audit_begin(text, text, text, text, text, text, text, text, jsonb),
  public.control_audit_finish(bigint, text, text),
  public.control_audit_refused(text, text, integer),
  public.control_audit_refusals_summary(timestamptz)
  from public, anon, authenticated, service_role;
grant execute on function public.control_audit_begin(text, text, text, text, text, text, text, text, jsonb),
  public.control_audit_finish(bigint, text, text),
  public.control_audit_refused(text, text, integer),
  public.control_audit_refusals_summary(timestamptz)
  to service_role;
