-- The control API's audit trail: every call Shellia (or anyone) made to this Maxis's
-- `POST /control/v1/<action>`, accepted or refused, with who, what and the result.
--
-- Who writes: only Maxis's control system identity, a short-lived JWT with role = service_role and
-- sub = 'control:<key id>' ('control:unverified' for calls whose signature did not verify). Members'
-- JWTs (role = authenticated) can neither read nor write it. Nobody updates or deletes a row, not
-- even the service role or the table owner: triggers refuse it.

-- Tables ------------------------------------------------------------------------------------------------

-- One row per control call.
create table public.control_audit (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  -- The key that verified the signature; null when it did not verify.
  key_id text check (key_id ~ '^[A-Za-z0-9._-]{1,64}$'),
  -- The key id the request claimed, kept for refused calls (attacker-controlled text, bounded).
  claimed_key_id text check (char_length(claimed_key_id) <= 64),
  -- The operator Shellia named in the signed body: a Discord id and username. Null when refused.
  operator_id text check (operator_id ~ '^[0-9]{1,20}$'),
  operator_name text check (char_length(operator_name) <= 100),
  action text not null check (char_length(action) between 1 and 64),
  -- accepted: it ran; rejected: verified but its input was refused (nothing changed);
  -- refused: the signature, timestamp or nonce failed (nothing ran); failed: it broke while running.
  outcome text not null check (outcome in ('accepted', 'rejected', 'refused', 'failed')),
  code text not null check (char_length(code) between 1 and 64),
  -- The verified request's arguments (never for refused calls); bounded by the API's body limit.
  request jsonb,
  -- The JWT sub that wrote the row.
  recorded_by text not null
);
comment on table public.control_audit is
  'Control API calls, accepted or refused. Append-only; written and read only by the control system identity.';

create index control_audit_at_idx on public.control_audit (at desc);

-- Privileges: only the service role, and only insert and select. RLS on as for every table.
revoke all on public.control_audit from public, anon, authenticated, service_role;
grant select, insert on public.control_audit to service_role;
alter table public.control_audit enable row level security;

-- service_role bypasses RLS on Supabase; these policies state the rule for any role that does not.
create policy "the control identity records calls" on public.control_audit
  for insert to service_role
  with check ((select auth.jwt() ->> 'sub') like 'control:%' and recorded_by = (select auth.jwt() ->> 'sub'));

create policy "the control identity reads the trail" on public.control_audit
  for select to service_role
  using ((select auth.jwt() ->> 'sub') like 'control:%');

create function public.control_audit_refuse_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = '42501', message = 'control_audit is append-only';
end
$$;

create trigger control_audit_no_update before update or delete on public.control_audit
  for each row execute function public.control_audit_refuse_change();
create trigger control_audit_no_truncate before truncate on public.control_audit
  for each statement execute function public.control_audit_refuse_change();

-- Functions (SECURITY INVOKER: they run as the caller) -------------------------------------------------

-- Records one call. Refuses any caller that is not the control system identity.
create function public.control_audit_record(
  p_key_id text,
  p_claimed_key_id text,
  p_operator_id text,
  p_operator_name text,
  p_action text,
  p_outcome text,
  p_code text,
  p_request jsonb default null
) returns bigint
language plpgsql security invoker set search_path = ''
as $$
declare
  v_sub text := auth.jwt() ->> 'sub';
  v_id bigint;
begin
  if coalesce(auth.jwt() ->> 'role', '') <> 'service_role' or v_sub is null or v_sub not like 'control:%' then
    raise exception using errcode = '42501', message = 'control identity required';
  end if;
  insert into public.control_audit
    (key_id, claimed_key_id, operator_id, operator_name, action, outcome, code, request, recorded_by)
  values
    (p_key_id, left(p_claimed_key_id, 64), p_operator_id, left(p_operator_name, 100), left(p_action, 64),
     p_outcome, left(p_code, 64), p_request, v_sub)
  returning id into v_id;
  return v_id;
end
$$;

-- The latest calls, newest first (1..50), for the report.
create function public.control_audit_recent(p_limit integer default 10) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'at', a.at, 'keyId', a.key_id, 'claimedKeyId', a.claimed_key_id, 'operatorId', a.operator_id,
      'operatorName', a.operator_name, 'action', a.action, 'outcome', a.outcome, 'code', a.code)
      order by a.id desc), '[]'::jsonb)
  from (
    select * from public.control_audit
     order by id desc
     limit greatest(1, least(coalesce(p_limit, 10), 50))
  ) a
$$;

-- Ticket activity over a period, for the control API's analytics and report (the tickets feature's
-- own statistics are per guild and for staff; this one is across guilds, for the system identity).
create function public.control_ticket_figures(p_since timestamptz, p_until timestamptz default now())
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object(
    'opened', count(*) filter (where t.created_at >= p_since and t.created_at < p_until),
    'closed', count(*) filter (where t.closed_at >= p_since and t.closed_at < p_until),
    'openNow', count(*) filter (where t.status <> 'closed')
  )
  from public.tickets t
$$;

revoke all on function public.control_audit_record(text, text, text, text, text, text, text, jsonb),
  public.control_audit_recent(integer), public.control_ticket_figures(timestamptz, timestamptz),
  public.control_audit_refuse_change()
  from public, anon, authenticated;
grant execute on function public.control_audit_record(text, text, text, text, text, text, text, jsonb),
  public.control_audit_recent(integer), public.control_ticket_figures(timestamptz, timestamptz)
  to service_role;
