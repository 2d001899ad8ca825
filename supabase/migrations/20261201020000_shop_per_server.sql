-- The shop belongs to a Discord server (issue 11 §7), and its admins edit plans from the dashboard
-- (issue 19 §3): no more seed.sql or hand-written SQL to sell something in production.
--
--   * plans and promotions gain `guild_id`. A plan keeps its `id` (stable, globally unique: promotions
--     and payments reference it) and gains `key`, what people type (`pro`), unique per server only.
--     Existing rows keep their id, take it as their key, and move to the server named by the database
--     setting `maxis.default_guild_id` (Maxis's DISCORD_GUILD_ID; DEPLOY.md says how to set it). With
--     rows to move and no such setting, this migration stops and changes nothing.
--   * plans gain a French name, a billing duration and `updated_at`.
--   * /shop (list_shop) shows the caller's server's plans only; in a DM it shows nothing.
--   * create_promotion names the server; the control identity is still the only one that calls it.
--   * A server's admins (app_role admin, for that server) create, edit and archive its plans through
--     plan_create, plan_update and plan_archive: SECURITY DEFINER, every field validated, one
--     transaction, each change a row of plan_audit (who, before, after). No API role writes a table.
--
-- Error codes (the exception's message; Maxis shows each in the reader's language):
--   not_authenticated, guild_required, admin_only, plan_not_found, plan_changed, invalid_key,
--   key_taken, name_empty, name_too_long, name_fr_too_long, invalid_name, description_too_long,
--   description_fr_too_long, invalid_price, invalid_floor, invalid_currency, invalid_plan_duration,
--   invalid_sort_order; and for promotions: forbidden, invalid_server, invalid_percent,
--   invalid_duration, invalid_start, unknown_plan.

create schema shop_private;
comment on schema shop_private is
  'Helpers of the plan functions (SECURITY DEFINER); no API role uses this schema.';

-- Plans and promotions get their server -------------------------------------------------------------------
alter table public.plans
  add column guild_id text check (guild_id ~ '^[0-9]{17,20}$'),
  add column key text check (key ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
  add column name_fr text not null default '' check (char_length(name_fr) <= 100),
  -- How long one payment lasts: a week, a month, a year, or for good (paid once).
  add column duration text not null default 'month' check (duration in ('week', 'month', 'year', 'lifetime')),
  add column updated_at timestamptz not null default now();
alter table public.promotions add column guild_id text;

do $$
declare
  v_guild text := nullif(current_setting('maxis.default_guild_id', true), '');
begin
  if exists (select 1 from public.plans) then
    if v_guild is null or v_guild !~ '^[0-9]{17,20}$' then
      raise exception 'plans_need_a_server'
        using detail = 'Plans now belong to a Discord server, and this database has plans but no '
                       'maxis.default_guild_id setting (a server id) to move them to.',
              hint = 'Run `alter database postgres set maxis.default_guild_id = ''<DISCORD_GUILD_ID>'';` '
                     'then push the migrations again (DEPLOY.md, "Upgrading: plans move to your server").';
    end if;
    update public.plans set guild_id = v_guild, key = id;
    update public.promotions pr set guild_id = p.guild_id from public.plans p where p.id = pr.plan_id;
  end if;
end
$$;

alter table public.plans
  alter column guild_id set not null,
  alter column key set not null,
  add constraint plans_key_per_server unique (guild_id, key),
  -- Lets promotions (and anything else) require that their plan is of the same server.
  add constraint plans_id_of_server unique (id, guild_id);
comment on column public.plans.guild_id is 'The Discord server whose /shop lists this plan.';
comment on column public.plans.key is 'What admins and operators type (`pro`); unique within the server.';
comment on column public.plans.name_fr is 'The name in French; empty: French readers get `name`.';
comment on column public.plans.active is 'On sale. An archived plan (false) stays for history and payments.';
comment on table public.plans is
  'Plans for sale, per server. Members read their server''s active plans, its staff all of them; only '
  'the plan functions write (its admins, through the dashboard).';

alter table public.promotions
  alter column guild_id set not null,
  add constraint promotions_plan_of_server foreign key (plan_id, guild_id)
    references public.plans (id, guild_id);
comment on column public.promotions.guild_id is 'The server of its plan: the only /shop it changes.';
create index plans_guild_idx on public.plans (guild_id, sort_order);

-- Who reads what: the server is part of every policy now.
drop policy "members read the active plans" on public.plans;
drop policy "staff read every plan" on public.plans;
drop policy "members read live promotions" on public.promotions;
drop policy "staff read every promotion" on public.promotions;

create policy "members read their server's active plans" on public.plans
  for select to authenticated
  using (active and guild_id = (select auth.jwt() ->> 'guild_id'));

create policy "staff read every plan of their server" on public.plans
  for select to authenticated
  using (
    guild_id = (select auth.jwt() ->> 'guild_id')
    and (select auth.jwt() ->> 'app_role') in ('agent', 'admin')
  );

create policy "members read their server's live promotions" on public.promotions
  for select to authenticated
  using (guild_id = (select auth.jwt() ->> 'guild_id') and starts_at <= now() and now() < ends_at);

create policy "staff read every promotion of their server" on public.promotions
  for select to authenticated
  using (
    guild_id = (select auth.jwt() ->> 'guild_id')
    and (select auth.jwt() ->> 'app_role') in ('agent', 'admin')
  );
-- The control identity's "reads every plan / promotion" policies (20261130150100) stay.

-- The audit trail of plan changes -----------------------------------------------------------------------------
-- One row per create, edit, archive or restore: who (a Discord id), the plan before and after.
-- Written only by the plan functions; never changed or deleted, whoever asks.
create table public.plan_audit (
  id bigint generated always as identity primary key,
  guild_id text not null,
  plan_id text not null,
  actor_id text not null check (actor_id ~ '^[0-9]{1,20}$'),
  action text not null check (action in ('created', 'updated', 'archived', 'restored')),
  before jsonb,
  after jsonb not null,
  at timestamptz not null default now(),
  foreign key (plan_id, guild_id) references public.plans (id, guild_id)
);
comment on table public.plan_audit is
  'Every change of a plan: who, before, after. The server''s admins read it; only plan functions write it.';
create index plan_audit_plan_idx on public.plan_audit (plan_id, at desc);

alter table public.plan_audit enable row level security;
create policy "admins read their server's plan history" on public.plan_audit
  for select to authenticated
  using (
    guild_id = (select auth.jwt() ->> 'guild_id')
    and (select auth.jwt() ->> 'app_role') = 'admin'
  );

create function shop_private.refuse_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = '42501', message = format('%s is append-only', tg_table_name);
end
$$;
create trigger plan_audit_append_only before update or delete on public.plan_audit
  for each row execute function shop_private.refuse_change();
create trigger plan_audit_no_truncate before truncate on public.plan_audit
  for each statement execute function shop_private.refuse_change();

-- Helpers ----------------------------------------------------------------------------------------------------
create function shop_private.fail(p_code text, p_detail text) returns void
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = 'P0001', message = p_code, detail = p_detail;
end
$$;

-- The caller of a plan function: a Discord user, in a server, who is one of its admins. Returns the
-- server and the user.
create function shop_private.require_admin(out guild_id text, out user_id text)
language plpgsql stable set search_path = ''
as $$
declare
  v_claims jsonb := auth.jwt();
begin
  user_id := v_claims ->> 'sub';
  if coalesce(v_claims ->> 'role', '') <> 'authenticated' or user_id is null or user_id !~ '^[0-9]{1,20}$' then
    perform shop_private.fail('not_authenticated', 'The request does not name a Discord user.');
  end if;
  guild_id := v_claims ->> 'guild_id';
  if guild_id is null or guild_id !~ '^[0-9]{17,20}$' then
    perform shop_private.fail('guild_required', 'Plans belong to a server; this request names none.');
  end if;
  if coalesce(v_claims ->> 'app_role', '') <> 'admin' then
    perform shop_private.fail('admin_only', 'Only the server''s admins (Administrator or Manage Server) edit plans.');
  end if;
end
$$;

-- The plan as the dashboard and the audit trail show it.
create function shop_private.plan_json(p public.plans) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'id', p.id, 'guild_id', p.guild_id, 'key', p.key, 'name', p.name, 'name_fr', p.name_fr,
    'description', p.description, 'description_fr', p.description_fr,
    'price_cents', p.price_cents, 'floor_cents', p.floor_cents, 'currency', p.currency,
    'duration', p.duration, 'active', p.active, 'sort_order', p.sort_order,
    'created_at', p.created_at, 'updated_at', p.updated_at
  )
$$;

-- Checks and normalises every field of a plan about to be written (key lower-cased, texts trimmed,
-- currency upper-cased); the first problem is raised with its code.
create function shop_private.checked_plan(p public.plans) returns public.plans
language plpgsql stable set search_path = ''
as $$
begin
  p.key := lower(btrim(coalesce(p.key, '')));
  if p.key !~ '^[a-z0-9][a-z0-9-]{0,31}$' then
    perform shop_private.fail('invalid_key', 'A key is 1–32 lowercase letters, digits or dashes, not starting with a dash.');
  end if;
  p.name := btrim(coalesce(p.name, ''), E' \t\r\n');
  p.name_fr := btrim(coalesce(p.name_fr, ''), E' \t\r\n');
  if p.name = '' then perform shop_private.fail('name_empty', 'The name is empty.'); end if;
  if char_length(p.name) > 100 then perform shop_private.fail('name_too_long', 'At most 100 characters.'); end if;
  if char_length(p.name_fr) > 100 then perform shop_private.fail('name_fr_too_long', 'At most 100 characters.'); end if;
  if p.name ~ '[[:cntrl:]]' or p.name_fr ~ '[[:cntrl:]]' then
    perform shop_private.fail('invalid_name', 'A name is one line, without control characters.');
  end if;
  p.description := btrim(coalesce(p.description, ''), E' \t\r\n');
  p.description_fr := btrim(coalesce(p.description_fr, ''), E' \t\r\n');
  if char_length(p.description) > 500 then
    perform shop_private.fail('description_too_long', 'At most 500 characters.');
  end if;
  if char_length(p.description_fr) > 500 then
    perform shop_private.fail('description_fr_too_long', 'At most 500 characters.');
  end if;
  if p.price_cents is null or p.price_cents not between 1 and 100000000 then
    perform shop_private.fail('invalid_price', 'A price is a whole number of cents from 1 to 100,000,000.');
  end if;
  if p.floor_cents is null or p.floor_cents not between 0 and p.price_cents then
    perform shop_private.fail('invalid_floor', 'The lowest promoted price is between 0 and the price.');
  end if;
  p.currency := upper(btrim(coalesce(p.currency, '')));
  if p.currency not in ('EUR', 'USD', 'GBP', 'CHF', 'CAD', 'AUD', 'JPY', 'SEK', 'NOK', 'DKK', 'PLN', 'BRL') then
    perform shop_private.fail('invalid_currency', 'Not a currency Maxis sells in.');
  end if;
  if p.duration is null or p.duration not in ('week', 'month', 'year', 'lifetime') then
    perform shop_private.fail('invalid_plan_duration', 'A plan lasts a week, a month, a year, or for good.');
  end if;
  if p.sort_order is null or p.sort_order not between 0 and 100000 then
    perform shop_private.fail('invalid_sort_order', 'The position is a whole number from 0 to 100,000.');
  end if;
  if p.active is null then p.active := true; end if;
  return p;
end
$$;

-- A key another plan of the same server already has.
create function shop_private.require_free_key(p_guild_id text, p_key text, p_plan_id text) returns void
language plpgsql stable set search_path = ''
as $$
begin
  if exists (
    select 1 from public.plans
    where guild_id = p_guild_id and key = p_key and id is distinct from p_plan_id
  ) then
    perform shop_private.fail('key_taken', format('Another plan of this server (maybe archived) is %L.', p_key));
  end if;
end
$$;

create function shop_private.audit(
  p_guild_id text, p_plan_id text, p_actor text, p_action text, p_before jsonb, p_after jsonb
) returns void
language sql set search_path = ''
as $$
  insert into public.plan_audit (guild_id, plan_id, actor_id, action, before, after)
  values (p_guild_id, p_plan_id, p_actor, p_action, p_before, p_after)
$$;

-- Admins' plan functions ---------------------------------------------------------------------------------------

-- Every plan of the caller's server, archived ones last. Admins only (the dashboard's Plans page).
create function public.plan_list()
returns json
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_guild text;
begin
  select guild_id into v_guild from shop_private.require_admin();
  return coalesce(
    (select json_agg(shop_private.plan_json(p) order by not p.active, p.sort_order, p.price_cents, p.key)
     from public.plans p where p.guild_id = v_guild),
    '[]'::json);
end
$$;

-- A plan of the caller's server and its history, newest change first. Admins only.
create function public.plan_view(p_plan_id text)
returns json
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_guild text;
  v_plan public.plans;
begin
  select guild_id into v_guild from shop_private.require_admin();
  select * into v_plan from public.plans where id = p_plan_id and guild_id = v_guild;
  if not found then perform shop_private.fail('plan_not_found', 'No such plan in this server.'); end if;
  return json_build_object(
    'plan', shop_private.plan_json(v_plan),
    'history', coalesce((
      select json_agg(json_build_object(
        'id', a.id, 'actor_id', a.actor_id, 'action', a.action, 'before', a.before, 'after', a.after, 'at', a.at
      ) order by a.at desc, a.id desc)
      from public.plan_audit a where a.plan_id = v_plan.id
    ), '[]'::json));
end
$$;

-- Creates a plan in the caller's server. Admins only. Position: after the last plan when not given.
create function public.plan_create(
  p_key text,
  p_name text,
  p_price_cents integer,
  p_currency text,
  p_duration text,
  p_name_fr text default '',
  p_description text default '',
  p_description_fr text default '',
  p_floor_cents integer default 0,
  p_active boolean default true,
  p_sort_order integer default null
)
returns json
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_caller record;
  v_plan public.plans;
begin
  select * into v_caller from shop_private.require_admin();
  v_plan.id := replace(gen_random_uuid()::text, '-', '');
  v_plan.guild_id := v_caller.guild_id;
  v_plan.key := p_key;
  v_plan.name := p_name;
  v_plan.name_fr := p_name_fr;
  v_plan.description := p_description;
  v_plan.description_fr := p_description_fr;
  v_plan.price_cents := p_price_cents;
  v_plan.floor_cents := p_floor_cents;
  v_plan.currency := p_currency;
  v_plan.duration := p_duration;
  v_plan.active := p_active;
  v_plan.sort_order := coalesce(
    p_sort_order,
    (select least(coalesce(max(sort_order), 0) + 10, 100000) from public.plans where guild_id = v_caller.guild_id));
  v_plan := shop_private.checked_plan(v_plan);
  -- Two admins creating the same key at once: the second waits, then gets key_taken.
  perform pg_advisory_xact_lock(hashtext('plans:' || v_caller.guild_id));
  perform shop_private.require_free_key(v_plan.guild_id, v_plan.key, null);
  v_plan.created_at := now();
  v_plan.updated_at := now();
  insert into public.plans select v_plan.*;
  perform shop_private.audit(v_plan.guild_id, v_plan.id, v_caller.user_id, 'created', null,
                             shop_private.plan_json(v_plan));
  return shop_private.plan_json(v_plan);
end
$$;

-- Replaces every field of a plan of the caller's server. Admins only. p_expected_updated_at is the
-- `updated_at` the editor started from: if someone saved in between, plan_changed, nothing written.
create function public.plan_update(
  p_plan_id text,
  p_expected_updated_at timestamptz,
  p_key text,
  p_name text,
  p_price_cents integer,
  p_currency text,
  p_duration text,
  p_name_fr text default '',
  p_description text default '',
  p_description_fr text default '',
  p_floor_cents integer default 0,
  p_active boolean default true,
  p_sort_order integer default 0
)
returns json
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_caller record;
  v_before public.plans;
  v_plan public.plans;
begin
  select * into v_caller from shop_private.require_admin();
  select * into v_before from public.plans
  where id = p_plan_id and guild_id = v_caller.guild_id for update;
  if not found then perform shop_private.fail('plan_not_found', 'No such plan in this server.'); end if;
  if p_expected_updated_at is distinct from v_before.updated_at then
    perform shop_private.fail('plan_changed', 'Someone saved this plan since it was opened.');
  end if;
  v_plan := v_before;
  v_plan.key := p_key;
  v_plan.name := p_name;
  v_plan.name_fr := p_name_fr;
  v_plan.description := p_description;
  v_plan.description_fr := p_description_fr;
  v_plan.price_cents := p_price_cents;
  v_plan.floor_cents := p_floor_cents;
  v_plan.currency := p_currency;
  v_plan.duration := p_duration;
  v_plan.active := p_active;
  v_plan.sort_order := p_sort_order;
  v_plan := shop_private.checked_plan(v_plan);
  perform pg_advisory_xact_lock(hashtext('plans:' || v_caller.guild_id));
  perform shop_private.require_free_key(v_plan.guild_id, v_plan.key, v_plan.id);
  -- clock_timestamp: two saves in one transaction still differ, so plan_changed stays reliable.
  v_plan.updated_at := greatest(clock_timestamp(), v_before.updated_at + interval '1 microsecond');
  update public.plans set
    key = v_plan.key, name = v_plan.name, name_fr = v_plan.name_fr, description = v_plan.description,
    description_fr = v_plan.description_fr, price_cents = v_plan.price_cents, floor_cents = v_plan.floor_cents,
    currency = v_plan.currency, duration = v_plan.duration, active = v_plan.active,
    sort_order = v_plan.sort_order, updated_at = v_plan.updated_at
  where id = v_plan.id;
  perform shop_private.audit(
    v_plan.guild_id, v_plan.id, v_caller.user_id,
    case when v_before.active and not v_plan.active then 'archived'
         when not v_before.active and v_plan.active then 'restored'
         else 'updated' end,
    shop_private.plan_json(v_before), shop_private.plan_json(v_plan));
  return shop_private.plan_json(v_plan);
end
$$;

-- Takes a plan of the caller's server off sale, for good or until restored (plan_update with
-- active = true). Its promotions and payments keep pointing at it. Admins only; archiving an
-- archived plan changes nothing and writes no audit row.
create function public.plan_archive(p_plan_id text)
returns json
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_caller record;
  v_before public.plans;
  v_plan public.plans;
begin
  select * into v_caller from shop_private.require_admin();
  select * into v_before from public.plans
  where id = p_plan_id and guild_id = v_caller.guild_id for update;
  if not found then perform shop_private.fail('plan_not_found', 'No such plan in this server.'); end if;
  if not v_before.active then return shop_private.plan_json(v_before); end if;
  update public.plans
  set active = false, updated_at = greatest(clock_timestamp(), v_before.updated_at + interval '1 microsecond')
  where id = p_plan_id
  returning * into v_plan;
  perform shop_private.audit(v_plan.guild_id, v_plan.id, v_caller.user_id, 'archived',
                             shop_private.plan_json(v_before), shop_private.plan_json(v_plan));
  return shop_private.plan_json(v_plan);
end
$$;

-- /shop, per server -----------------------------------------------------------------------------------------
-- Members and staff: their JWT's server (p_guild_id may only repeat it). The control identity: the
-- server it names. No server (a DM): nothing.
drop function public.list_shop();

create function public.list_shop(p_guild_id text default null)
returns table (
  id text,
  key text,
  name text,
  name_fr text,
  description text,
  description_fr text,
  price_cents integer,
  currency text,
  duration text,
  promotion_id bigint,
  percent integer,
  promoted_cents integer,
  promotion_ends_at timestamptz
)
language sql stable
security invoker
set search_path = ''
as $$
  select p.id, p.key, p.name, p.name_fr, p.description, p.description_fr, p.price_cents, p.currency,
         p.duration, best.id, best.percent,
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
    and p.guild_id = case
      when (select auth.jwt() ->> 'role') = 'service_role' then p_guild_id
      when p_guild_id is null or p_guild_id = (select auth.jwt() ->> 'guild_id')
        then (select auth.jwt() ->> 'guild_id')
    end
  order by p.sort_order, p.price_cents, p.key
$$;

-- Promotions name their server ----------------------------------------------------------------------------------
create or replace function public.promotion_json(pr public.promotions, p public.plans)
returns json
language sql stable
security invoker
set search_path = ''
as $$
  select json_build_object(
    'id', pr.id, 'guild_id', pr.guild_id, 'plan_id', p.id, 'plan_key', p.key, 'plan_name', p.name,
    'percent', pr.percent, 'price_cents', p.price_cents,
    'promoted_cents', public.promoted_price_cents(p.price_cents, p.floor_cents, pr.percent),
    'currency', p.currency, 'starts_at', pr.starts_at, 'ends_at', pr.ends_at, 'created_by', pr.created_by
  )
$$;

-- Replaced, not overloaded: a promotion without a server no longer means anything.
drop function public.create_promotion(text, integer, integer, timestamptz);

-- Starts a promotion on the plan `p_plan_key` of server `p_guild_id`, now or at p_starts_at (not in
-- the past, at most 90 days ahead). The control identity only. Errors: forbidden, invalid_server,
-- invalid_percent, invalid_duration, invalid_start, unknown_plan.
create function public.create_promotion(
  p_guild_id text,
  p_plan_key text,
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
      detail = 'only the control API (Shellia''s operators) creates promotions';
  end if;
  if p_guild_id is null or p_guild_id !~ '^[0-9]{17,20}$' then
    raise exception 'invalid_server' using errcode = 'P0001', detail = 'a promotion names a Discord server id';
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
  select * into v_plan from public.plans
  where guild_id = p_guild_id and key = lower(btrim(p_plan_key)) and active;
  if not found then
    raise exception 'unknown_plan' using errcode = 'P0001',
      detail = format('no active plan %L in server %s', p_plan_key, p_guild_id);
  end if;

  insert into public.promotions (plan_id, guild_id, percent, starts_at, ends_at, created_by)
  values (v_plan.id, v_plan.guild_id, p_percent, v_starts_at,
          v_starts_at + make_interval(secs => p_duration_seconds), 'control')
  returning * into v_promotion;
  return public.promotion_json(v_promotion, v_plan);
end;
$$;

-- Privileges -------------------------------------------------------------------------------------------------
revoke all on schema shop_private from public, anon, authenticated, service_role;
revoke all on public.plan_audit from public, anon, authenticated, service_role;
revoke all on sequence public.plan_audit_id_seq from public, anon, authenticated, service_role;
-- Admins read their server's plan history under RLS (plan_view reads it as owner anyway).
grant select on public.plan_audit to authenticated;

revoke all on function
  shop_private.refuse_change(),
  shop_private.fail(text, text),
  shop_private.require_admin(),
  shop_private.plan_json(public.plans),
  shop_private.checked_plan(public.plans),
  shop_private.require_free_key(text, text, text),
  shop_private.audit(text, text, text, text, jsonb, jsonb),
  public.plan_list(),
  public.plan_view(text),
  public.plan_create(text, text, integer, text, text, text, text, text, integer, boolean, integer),
  public.plan_update(text, timestamptz, text, text, integer, text, text, text, text, text, integer, boolean, integer),
  public.plan_archive(text),
  public.list_shop(text),
  public.create_promotion(text, text, integer, integer, timestamptz)
from public, anon, authenticated, service_role;

-- The dashboard's Plans page, as the signed-in admin (each function checks app_role and server).
grant execute on function
  public.plan_list(),
  public.plan_view(text),
  public.plan_create(text, text, integer, text, text, text, text, text, integer, boolean, integer),
  public.plan_update(text, timestamptz, text, text, integer, text, text, text, text, text, integer, boolean, integer),
  public.plan_archive(text)
to authenticated;
-- /shop for members and staff; the control identity lists a server's plans for /maxis promo.
grant execute on function public.list_shop(text) to authenticated, service_role;
-- /maxis promo.
grant execute on function public.create_promotion(text, text, integer, integer, timestamptz) to service_role;
