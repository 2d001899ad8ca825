-- Promotions are created by the control API only, through create_promotion (issue 17, hole 4).
--
-- A promotion changes the price every server's /shop shows: its scope is global. Until now any
-- server's agent or admin could create one, through the function or by a direct insert (which also
-- accepted a start in the year 2000). The only identity whose scope is every server is the control
-- identity (role service_role: Shellia's operators through `/maxis promo`), so:
--   * no API role inserts, updates or deletes plans or promotions directly;
--   * create_promotion runs as SECURITY DEFINER, refuses anyone but the control identity, and refuses
--     a start in the past.
-- Per-server shops (a promotion belonging to one server, created by its staff) are a later change.

revoke insert, update, delete, truncate on public.plans, public.promotions
  from public, anon, authenticated, service_role;

drop policy "staff create promotions in their own name" on public.promotions;
drop policy "the service role manages promotions" on public.promotions;
drop policy "the service role manages plans" on public.plans;

-- service_role bypasses RLS on Supabase; these state what it reads for any setup where it would not.
create policy "the control identity reads every plan" on public.plans
  for select to service_role
  using (true);
create policy "the control identity reads every promotion" on public.promotions
  for select to service_role
  using (true);

-- Replaced, not overloaded (p_starts_at is new): two create_promotion functions would make a call
-- with three named arguments ambiguous.
drop function public.create_promotion(text, integer, integer);

-- Starts a promotion now, or at p_starts_at (not in the past, at most 90 days ahead). The control
-- identity only. Errors (the message is the code the Worker shows, localized): forbidden,
-- invalid_percent, invalid_duration, invalid_start, unknown_plan.
create function public.create_promotion(
  p_plan_id text,
  p_percent integer,
  p_duration_seconds integer,
  p_starts_at timestamptz default null
)
returns json
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_plan public.plans;
  v_promotion public.promotions;
  v_starts_at timestamptz := coalesce(p_starts_at, now());
begin
  if coalesce(auth.jwt() ->> 'role', '') <> 'service_role' then
    raise exception 'forbidden' using errcode = '42501',
      detail = 'promotions apply to every server; only the control API creates them';
  end if;
  if p_percent is null or p_percent not between 1 and 90 then
    raise exception 'invalid_percent' using errcode = 'P0001', detail = 'percent must be between 1 and 90';
  end if;
  if p_duration_seconds is null or p_duration_seconds not between 3600 and 30 * 86400 then
    raise exception 'invalid_duration' using errcode = 'P0001', detail = 'between 1 hour and 30 days';
  end if;
  -- A minute of slack for the caller's clock; a start inside it begins now.
  if v_starts_at < now() - interval '1 minute' or v_starts_at > now() + interval '90 days' then
    raise exception 'invalid_start' using errcode = 'P0001', detail = 'a promotion starts between now and 90 days ahead';
  end if;
  v_starts_at := greatest(v_starts_at, now());
  select * into v_plan from public.plans where id = p_plan_id and active;
  if not found then
    raise exception 'unknown_plan' using errcode = 'P0001', detail = format('no active plan %L', p_plan_id);
  end if;

  insert into public.promotions (plan_id, percent, starts_at, ends_at, created_by)
  values (v_plan.id, p_percent, v_starts_at, v_starts_at + make_interval(secs => p_duration_seconds), 'control')
  returning * into v_promotion;
  return public.promotion_json(v_promotion, v_plan);
end;
$$;
