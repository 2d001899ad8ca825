-- The shop: plans and their promotions, and the SQL functions /shop and the control API call.
--
-- Who is asking comes from the JWT, read with auth.jwt():
--   a member    role = authenticated, app_role = member | agent | admin (agent and admin are "staff"),
--               sub = their Discord id
--   the control API (Shellia's operators, no Discord member behind it)
--               role = service_role, sub = 'control'
-- Prices are integer amounts of the currency's minor unit (cents), never floating point.
-- Promotions are never deleted or switched off: a promotion is live while now() is between its start
-- and its end, so an expired one disappears from /shop by itself, with no scheduled job.

-- Tables ------------------------------------------------------------------------------------------------

-- What Maxis sells. Written by the project owner (migrations, seed, service role); read by members.
create table public.plans (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
  name text not null check (char_length(name) between 1 and 100),
  description text not null default '' check (char_length(description) <= 500),
  price_cents integer not null check (price_cents > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  -- The lowest price any promotion may bring this plan to.
  floor_cents integer not null check (floor_cents >= 0),
  active boolean not null default true,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  constraint plans_floor_not_above_price check (floor_cents <= price_cents)
);
comment on table public.plans is
  'Plans for sale. Everyone signed in reads the active ones; staff read all; only the service role writes.';

-- A percentage off one plan for a period. Overlapping promotions do not stack: the best one applies,
-- and never below the plan's floor (see promoted_price_cents).
create table public.promotions (
  id bigint generated always as identity primary key,
  plan_id text not null references public.plans (id),
  percent integer not null check (percent between 1 and 90),
  starts_at timestamptz not null default now(),
  ends_at timestamptz not null,
  -- A staff member's Discord id, or 'control' for the control API.
  created_by text not null check (created_by ~ '^([0-9]{1,20}|control)$'),
  created_at timestamptz not null default now(),
  constraint promotions_duration check (
    ends_at - starts_at between interval '1 hour' and interval '30 days'
  )
);
comment on table public.promotions is
  'Promotions. Everyone signed in reads live ones; staff read all; staff and the control API create them.';

create index promotions_live_idx on public.promotions (plan_id, ends_at desc);
create index promotions_started_idx on public.promotions (starts_at);

-- Privileges: RLS decides rows, these decide operations. Nobody updates or deletes through the API.
revoke all on public.plans, public.promotions from anon, authenticated;
grant select on public.plans to authenticated;
grant select, insert on public.promotions to authenticated;
grant all on public.plans, public.promotions to service_role;

alter table public.plans enable row level security;
alter table public.promotions enable row level security;

-- Policies ------------------------------------------------------------------------------------------------
-- Claims are read through `(select auth.jwt() ...)`, evaluated once per statement, not per row.

create policy "members read the active plans" on public.plans
  for select to authenticated
  using (active);

create policy "staff read every plan" on public.plans
  for select to authenticated
  using ((select auth.jwt() ->> 'app_role') in ('agent', 'admin'));

create policy "the service role manages plans" on public.plans
  for all to service_role
  using (true) with check (true);

create policy "members read live promotions" on public.promotions
  for select to authenticated
  using (starts_at <= now() and now() < ends_at);

create policy "staff read every promotion" on public.promotions
  for select to authenticated
  using ((select auth.jwt() ->> 'app_role') in ('agent', 'admin'));

create policy "staff create promotions in their own name" on public.promotions
  for insert to authenticated
  with check (
    (select auth.jwt() ->> 'app_role') in ('agent', 'admin')
    and created_by = (select auth.jwt() ->> 'sub')
  );

create policy "the service role manages promotions" on public.promotions
  for all to service_role
  using (true) with check (true);

-- Functions (SECURITY INVOKER: they run as the caller, so the policies above apply) ----------------------

-- The price after a promotion: rounded to the nearest minor unit, never below the floor.
create function public.promoted_price_cents(price_cents integer, floor_cents integer, percent integer)
returns integer
language sql immutable strict
security invoker
set search_path = ''
as $$
  select greatest(floor_cents, round(price_cents * (100 - percent) / 100.0)::integer)
$$;

-- Staff members and the control API: who may create promotions and read the figures.
create function public.shop_caller_is_staff()
returns boolean
language sql stable
security invoker
set search_path = ''
as $$
  select coalesce(auth.jwt() ->> 'role' = 'service_role', false)
      or coalesce(auth.jwt() ->> 'app_role' in ('agent', 'admin'), false)
$$;

-- /shop: each active plan, with its best live promotion (if any) and the promoted price.
create function public.list_shop()
returns table (
  id text,
  name text,
  description text,
  price_cents integer,
  currency text,
  promotion_id bigint,
  percent integer,
  promoted_cents integer,
  promotion_ends_at timestamptz
)
language sql stable
security invoker
set search_path = ''
as $$
  select p.id, p.name, p.description, p.price_cents, p.currency,
         best.id, best.percent,
         case when best.id is not null
              then public.promoted_price_cents(p.price_cents, p.floor_cents, best.percent) end,
         best.ends_at
  from public.plans p
  left join lateral (
    select pr.id, pr.percent, pr.ends_at
    from public.promotions pr
    where pr.plan_id = p.id and pr.starts_at <= now() and now() < pr.ends_at
    order by pr.percent desc, pr.ends_at desc
    limit 1
  ) best on true
  where p.active
  order by p.sort_order, p.price_cents, p.id
$$;

-- A promotion as the API returns it.
create function public.promotion_json(pr public.promotions, p public.plans)
returns json
language sql stable
security invoker
set search_path = ''
as $$
  select json_build_object(
    'id', pr.id, 'plan_id', p.id, 'plan_name', p.name, 'percent', pr.percent,
    'price_cents', p.price_cents,
    'promoted_cents', public.promoted_price_cents(p.price_cents, p.floor_cents, pr.percent),
    'currency', p.currency, 'starts_at', pr.starts_at, 'ends_at', pr.ends_at, 'created_by', pr.created_by
  )
$$;

-- Starts a promotion now. Staff or the control API only. Errors (the message is the code the Worker
-- shows, localized): forbidden, invalid_percent, invalid_duration, unknown_plan.
create function public.create_promotion(p_plan_id text, p_percent integer, p_duration_seconds integer)
returns json
language plpgsql volatile
security invoker
set search_path = ''
as $$
declare
  v_plan public.plans;
  v_promotion public.promotions;
  v_claims jsonb := auth.jwt();
begin
  if not public.shop_caller_is_staff() then
    raise exception 'forbidden' using errcode = '42501';
  end if;
  if p_percent is null or p_percent not between 1 and 90 then
    raise exception 'invalid_percent' using errcode = 'P0001', detail = 'percent must be between 1 and 90';
  end if;
  if p_duration_seconds is null or p_duration_seconds not between 3600 and 30 * 86400 then
    raise exception 'invalid_duration' using errcode = 'P0001', detail = 'between 1 hour and 30 days';
  end if;
  select * into v_plan from public.plans where id = p_plan_id and active;
  if not found then
    raise exception 'unknown_plan' using errcode = 'P0001', detail = format('no active plan %L', p_plan_id);
  end if;

  insert into public.promotions (plan_id, percent, starts_at, ends_at, created_by)
  values (
    v_plan.id, p_percent, now(), now() + make_interval(secs => p_duration_seconds),
    case when v_claims ->> 'role' = 'service_role' then 'control' else v_claims ->> 'sub' end
  )
  returning * into v_promotion;
  return public.promotion_json(v_promotion, v_plan);
end;
$$;

-- Promotions live now, soonest end first (control API status). Staff or the control API only.
create function public.live_promotions()
returns setof json
language plpgsql stable
security invoker
set search_path = ''
as $$
begin
  if not public.shop_caller_is_staff() then
    raise exception 'forbidden' using errcode = '42501';
  end if;
  return query
    select public.promotion_json(pr, p)
    from public.promotions pr join public.plans p on p.id = pr.plan_id
    where pr.starts_at <= now() and now() < pr.ends_at
    order by pr.ends_at, pr.id;
end;
$$;

-- Analytics: promotions started in [p_since, p_until), and how many are live now.
create function public.promotion_figures(p_since timestamptz, p_until timestamptz default now())
returns json
language plpgsql stable
security invoker
set search_path = ''
as $$
declare
  v_result json;
begin
  if not public.shop_caller_is_staff() then
    raise exception 'forbidden' using errcode = '42501';
  end if;
  select json_build_object(
    'promotions_run', count(*) filter (where pr.starts_at >= p_since and pr.starts_at < p_until),
    'plans_promoted', count(distinct pr.plan_id) filter (where pr.starts_at >= p_since and pr.starts_at < p_until),
    'average_percent', round(avg(pr.percent) filter (where pr.starts_at >= p_since and pr.starts_at < p_until))::integer,
    'live_now', count(*) filter (where pr.starts_at <= now() and now() < pr.ends_at)
  )
  into v_result
  from public.promotions pr;
  return v_result;
end;
$$;

revoke all on function
  public.promoted_price_cents(integer, integer, integer),
  public.shop_caller_is_staff(),
  public.list_shop(),
  public.promotion_json(public.promotions, public.plans),
  public.create_promotion(text, integer, integer),
  public.live_promotions(),
  public.promotion_figures(timestamptz, timestamptz)
from public, anon;
grant execute on function
  public.promoted_price_cents(integer, integer, integer),
  public.shop_caller_is_staff(),
  public.list_shop(),
  public.promotion_json(public.promotions, public.plans),
  public.create_promotion(text, integer, integer),
  public.live_promotions(),
  public.promotion_figures(timestamptz, timestamptz)
to authenticated, service_role;
