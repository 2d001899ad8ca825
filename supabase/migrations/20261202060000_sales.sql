-- Sales (issue 14 §1, §5): what the server's admins see of their shop, lifetime plans paid once,
-- revenue per server, a plan's Discord role and SKU edited by its admins, and every checkout audited.
--
--   * `sales`: one row per money movement of a Stripe entitlement (a payment, a refund, a dispute, a
--     failed payment), with its server, member, plan and promotion. Rows are derived from
--     `stripe_events` as soon as the entitlement an event belongs to is known (a refund may arrive
--     before the payment it refunds: it is added when the payment is). RLS: the server's admins read
--     their server's; only payment functions write.
--   * Lifetime plans are sold with a one-time Checkout (mode=payment): their entitlement is keyed by the
--     PaymentIntent (`pi_…`), has no period end, and ends only on a full refund or a dispute.
--   * `checkout_audit`: every Checkout Session Maxis opened (who, plan, price, promotion, session id).
--   * `sales_summary(days)`: the dashboard's sales page (SECURITY INVOKER: RLS decides what it sees).
--   * `server_revenue_figures(server, since, until)` replaces `revenue_figures` (which summed every
--     server's payments together): /maxis analytics and report are about one server.
--   * `plan_set_discord`: a plan's Discord role and SKU, by its server's admins, audited in plan_audit.
--     Maxis checks the role exists in the server (Discord's API) before calling it.
--
-- Redefined here (copied from their latest migration, then changed): payments_record_stripe_event and
-- my_entitlements
-- (20261201040000_payments.sql: one-time payments, sales rows; `once`) and shop_private.plan_json
-- (20261201020000_shop_per_server.sql: adds role_id and discord_sku_id).
--
-- New error codes (the exception's message): invalid_role, invalid_sku, sku_taken, invalid_days.

-- One-time payments ---------------------------------------------------------------------------------------
alter table public.stripe_events
  -- The PaymentIntent of a one-time Checkout, and of the charges refunded or disputed.
  add column payment_intent_id text check (payment_intent_id ~ '^pi_[A-Za-z0-9_]{1,200}$');
create index stripe_events_payment_intent_idx on public.stripe_events (payment_intent_id)
  where payment_intent_id is not null;

-- The ledger of money movements ---------------------------------------------------------------------------
create table public.sales (
  event_id text primary key references public.stripe_events (id),
  guild_id text not null check (guild_id ~ '^[0-9]{17,20}$'),
  user_id text not null check (user_id ~ '^[0-9]{17,20}$'),
  plan_id text not null references public.plans (id),
  -- The promotion the member bought at (its price holds for every renewal).
  promotion_id bigint,
  entitlement_id bigint not null references public.entitlements (id),
  kind text not null check (kind in ('payment', 'refund', 'dispute', 'failed')),
  -- A refund's charge: Stripe's amount_refunded is cumulative per charge, so a second partial refund
  -- counts only what it adds.
  charge_id text,
  amount_cents integer not null check (amount_cents >= 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  occurred_at timestamptz not null
);
comment on table public.sales is
  'Money movements of Stripe entitlements (payment, refund, dispute, failed). The server''s admins read their server''s; payment functions write.';
create index sales_guild_time_idx on public.sales (guild_id, occurred_at);

alter table public.sales enable row level security;
create policy "administrators read their server's sales" on public.sales
  for select to authenticated
  using (
    guild_id = (select auth.jwt() ->> 'guild_id')
    and (select auth.jwt() ->> 'app_role') = 'admin'
  );

-- Every Checkout Session Maxis opened: who asked, for which plan, at which price and promotion.
create table public.checkout_audit (
  id bigint generated always as identity primary key,
  guild_id text not null check (guild_id ~ '^[0-9]{17,20}$'),
  user_id text not null check (user_id ~ '^[0-9]{17,20}$'),
  plan_id text not null references public.plans (id),
  promotion_id bigint,
  amount_cents integer not null check (amount_cents > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  mode text not null check (mode in ('subscription', 'payment')),
  session_id text not null unique check (session_id ~ '^cs_[A-Za-z0-9_]{1,200}$'),
  -- The interaction that asked for it.
  interaction_id text check (interaction_id ~ '^[0-9]{17,20}$'),
  created_at timestamptz not null default now()
);
comment on table public.checkout_audit is
  'Checkout Sessions Maxis opened (who, plan, price, promotion, session). The server''s admins read it; only payments_record_checkout writes; never changed.';
create index checkout_audit_guild_idx on public.checkout_audit (guild_id, created_at);

alter table public.checkout_audit enable row level security;
create policy "administrators read their server's checkouts" on public.checkout_audit
  for select to authenticated
  using (
    guild_id = (select auth.jwt() ->> 'guild_id')
    and (select auth.jwt() ->> 'app_role') = 'admin'
  );
create trigger checkout_audit_append_only before update or delete on public.checkout_audit
  for each row execute function shop_private.refuse_change();

-- Helpers --------------------------------------------------------------------------------------------------

-- The events of one Stripe entitlement: those of its subscription (or PaymentIntent) and of their charges.
create function payments_private.entitlement_events(p_external_id text)
returns setof public.stripe_events
language sql stable
set search_path = ''
as $$
  select ev.* from public.stripe_events ev
  where ev.subscription_id = p_external_id
     or ev.payment_intent_id = p_external_id
     or ev.charge_id in (
       select c.charge_id from public.stripe_events c
       where (c.subscription_id = p_external_id or c.payment_intent_id = p_external_id) and c.charge_id is not null)
$$;

-- Adds the money movements of a Stripe entitlement not yet in `sales`. A subscription's first
-- payment is its first invoice (its checkout is not counted twice); a one-time payment is its checkout.
create function payments_private.record_sales(p_entitlement public.entitlements)
returns void
language sql volatile
set search_path = ''
as $$
  insert into public.sales (
    event_id, guild_id, user_id, plan_id, promotion_id, entitlement_id, kind, charge_id, amount_cents,
    currency, occurred_at
  )
  select ev.id, p_entitlement.guild_id, p_entitlement.user_id, p_entitlement.plan_id,
         p_entitlement.promotion_id, p_entitlement.id,
         case ev.type when 'invoice.paid' then 'payment' when 'checkout.session.completed' then 'payment'
                      when 'charge.refunded' then 'refund' when 'charge.dispute.created' then 'dispute'
                      else 'failed' end,
         ev.charge_id, coalesce(ev.amount_cents, 0), coalesce(ev.currency, p_entitlement.currency), ev.occurred_at
  from payments_private.entitlement_events(p_entitlement.external_id) ev
  where p_entitlement.source = 'stripe'
    and coalesce(ev.currency, p_entitlement.currency) is not null
    and (ev.type in ('invoice.paid', 'invoice.payment_failed', 'charge.refunded', 'charge.dispute.created')
         or (ev.type = 'checkout.session.completed' and ev.subscription_id is null and ev.effect = 'active'))
  on conflict (event_id) do nothing
$$;

-- Recomputes a one-time payment's entitlement (a lifetime plan) from every fact about its
-- PaymentIntent: active once its Checkout is paid, ended for good by a full refund or a dispute. No
-- period end: it never lapses.
create function payments_private.sync_stripe_payment(p_payment_intent_id text)
returns public.entitlements
language plpgsql volatile
set search_path = ''
as $$
declare
  v_paid record;
  v_reason text;
begin
  select * into v_paid from public.stripe_events
  where payment_intent_id = p_payment_intent_id and type = 'checkout.session.completed'
    and subscription_id is null and effect = 'active'
    and guild_id is not null and user_id is not null
    and plan_id is not null and exists (select 1 from public.plans p where p.id = plan_id)
  order by occurred_at, id
  limit 1;
  if not found then
    -- Not paid yet, or a refund that arrived before the payment: the payment's event will sync it.
    return null;
  end if;
  select case
           when exists (select 1 from payments_private.entitlement_events(p_payment_intent_id) r
                        where r.type = 'charge.dispute.created') then 'disputed'
           when exists (select 1 from payments_private.entitlement_events(p_payment_intent_id) r
                        where r.type = 'charge.refunded' and r.effect = 'ended') then 'refunded'
         end
  into v_reason;
  return payments_private.put_entitlement(
    'stripe', p_payment_intent_id, v_paid.guild_id, v_paid.user_id, v_paid.plan_id,
    case when v_reason is null then 'active' else 'ended' end, null, null, v_reason,
    v_paid.customer_id, v_paid.promotion_id, v_paid.amount_cents, v_paid.currency
  );
end;
$$;

-- Stores one Stripe event and recomputes the entitlement it concerns: a subscription (named, or found
-- through its charge), else a one-time payment (its PaymentIntent). Then its money movements go to
-- `sales`. A repeat of a stored id changes nothing: {"duplicate": true}.
-- (From 20261201040000_payments.sql, plus payment_intent_id, one-time payments and sales.)
create or replace function public.payments_record_stripe_event(p_event jsonb)
returns json
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_subscription text;
  v_payment_intent text;
  v_inserted boolean;
  v_entitlement public.entitlements;
begin
  perform payments_private.require_payments();
  insert into public.stripe_events (
    id, type, occurred_at, subscription_id, charge_id, customer_id, payment_intent_id, guild_id, user_id,
    plan_id, promotion_id, effect, period_end, amount_cents, currency
  ) values (
    p_event ->> 'id', p_event ->> 'type', to_timestamp((p_event ->> 'created')::bigint),
    p_event ->> 'subscription_id', p_event ->> 'charge_id', p_event ->> 'customer_id',
    p_event ->> 'payment_intent_id',
    p_event ->> 'guild_id', p_event ->> 'user_id', p_event ->> 'plan_id',
    (p_event ->> 'promotion_id')::bigint, p_event ->> 'effect',
    to_timestamp((p_event ->> 'period_end')::bigint), (p_event ->> 'amount_cents')::integer,
    upper(p_event ->> 'currency')
  )
  on conflict (id) do nothing;
  get diagnostics v_inserted = row_count;
  if not v_inserted then
    return json_build_object('duplicate', true);
  end if;

  -- A refund or dispute names a charge (and its PaymentIntent); the subscription is the one that
  -- charge paid, if known yet.
  v_subscription := coalesce(
    p_event ->> 'subscription_id',
    (select subscription_id from public.stripe_events
     where charge_id = p_event ->> 'charge_id' and subscription_id is not null limit 1),
    (select subscription_id from public.stripe_events
     where payment_intent_id = p_event ->> 'payment_intent_id' and subscription_id is not null limit 1)
  );
  if v_subscription is not null then
    v_entitlement := payments_private.sync_stripe_subscription(v_subscription);
  else
    v_payment_intent := coalesce(
      p_event ->> 'payment_intent_id',
      (select payment_intent_id from public.stripe_events
       where charge_id = p_event ->> 'charge_id' and payment_intent_id is not null limit 1)
    );
    if v_payment_intent is not null then
      v_entitlement := payments_private.sync_stripe_payment(v_payment_intent);
    end if;
  end if;
  if v_entitlement.id is not null then
    perform payments_private.record_sales(v_entitlement);
  end if;
  return json_build_object(
    'duplicate', false,
    'entitlement', case when v_entitlement.id is not null then payments_private.entitlement_json(v_entitlement) end
  );
end;
$$;

-- Sales already stored before this migration.
select payments_private.record_sales(e) from public.entitlements e where e.source = 'stripe';

-- Checkout audit ------------------------------------------------------------------------------------------

-- One Checkout Session Maxis opened, right after Stripe created it. The payments identity only (Maxis
-- writes it for the member who pressed Buy; the member's own token could write anything).
create function public.payments_record_checkout(p_checkout jsonb)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  perform payments_private.require_payments();
  insert into public.checkout_audit (
    guild_id, user_id, plan_id, promotion_id, amount_cents, currency, mode, session_id, interaction_id
  ) values (
    p_checkout ->> 'guild_id', p_checkout ->> 'user_id', p_checkout ->> 'plan_id',
    (p_checkout ->> 'promotion_id')::bigint, (p_checkout ->> 'amount_cents')::integer,
    upper(p_checkout ->> 'currency'), p_checkout ->> 'mode', p_checkout ->> 'session_id',
    p_checkout ->> 'interaction_id'
  )
  -- Stripe answers a retried request (same idempotency key) with the same session: one row.
  on conflict (session_id) do nothing;
end;
$$;

-- The dashboard's sales page --------------------------------------------------------------------------------

-- The last p_days days of the caller's server: money movements per UTC day, plan, promotion and
-- currency (refunds counted by what each adds), subscriptions running now, the latest failed
-- payments, checkouts opened, and the names of the plans and promotions involved. SECURITY INVOKER:
-- the policies on sales, entitlements, checkout_audit, plans and promotions decide; an explicit check
-- first, so a non-admin gets admin_only rather than empty figures.
create function public.sales_summary(p_days integer default 30)
returns json
language plpgsql stable
security invoker
set search_path = ''
as $$
declare
  v_claims jsonb := auth.jwt();
  v_until timestamptz := now();
  v_since timestamptz;
  v_result json;
begin
  if coalesce(v_claims ->> 'role', '') <> 'authenticated' or coalesce(v_claims ->> 'guild_id', '') !~ '^[0-9]{17,20}$' then
    raise exception using errcode = 'P0001', message = 'guild_required', detail = 'Sales belong to a server.';
  end if;
  if coalesce(v_claims ->> 'app_role', '') <> 'admin' then
    raise exception using errcode = 'P0001', message = 'admin_only',
      detail = 'Only the server''s admins see its sales.';
  end if;
  if p_days is null or p_days not between 1 and 366 then
    raise exception using errcode = 'P0001', message = 'invalid_days', detail = 'From 1 to 366 days.';
  end if;
  v_since := date_trunc('day', v_until at time zone 'UTC') at time zone 'UTC' - make_interval(days => p_days - 1);

  with moves as (
    select s.*,
           case when s.kind = 'refund'
                then greatest(s.amount_cents - coalesce(lag(s.amount_cents) over (
                       partition by s.kind, s.charge_id order by s.amount_cents, s.occurred_at), 0), 0)
                else s.amount_cents end as cents
    from public.sales s
    where s.guild_id = v_claims ->> 'guild_id'
  ), windowed as (
    select * from moves where occurred_at >= v_since and occurred_at < v_until
  )
  select json_build_object(
    'days', p_days,
    'since', v_since,
    'until', v_until,
    'daily', coalesce((
      select json_agg(json_build_object(
        'date', d.day, 'currency', d.currency, 'plan_id', d.plan_id, 'promotion_id', d.promotion_id,
        'payments', d.payments, 'paid_cents', d.paid, 'refunded_cents', d.refunded,
        'disputed_cents', d.disputed, 'failed_payments', d.failed
      ) order by d.day, d.currency, d.plan_id, d.promotion_id nulls first)
      from (
        select to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD') as day, currency, plan_id, promotion_id,
               count(*) filter (where kind = 'payment') as payments,
               coalesce(sum(cents) filter (where kind = 'payment'), 0) as paid,
               coalesce(sum(cents) filter (where kind = 'refund'), 0) as refunded,
               coalesce(sum(cents) filter (where kind = 'dispute'), 0) as disputed,
               count(*) filter (where kind = 'failed') as failed
        from windowed group by 1, 2, 3, 4
      ) d), '[]'::json),
    'active', (
      select json_build_object(
        'subscriptions', count(*) filter (where e.status = 'active' and e.source = 'stripe' and e.external_id like 'sub\_%'),
        'grace', count(*) filter (where e.status = 'grace'),
        'lifetime', count(*) filter (where e.status = 'active' and e.source = 'stripe' and e.external_id like 'pi\_%'),
        'discord', count(*) filter (where e.status = 'active' and e.source = 'discord'))
      from public.entitlements e
      where e.guild_id = v_claims ->> 'guild_id' and e.status in ('active', 'grace')),
    'failed', coalesce((
      select json_agg(json_build_object(
        'at', f.occurred_at, 'user_id', f.user_id, 'plan_id', f.plan_id, 'amount_cents', f.amount_cents,
        'currency', f.currency, 'status', e.status, 'grace_until', e.grace_until
      ) order by f.occurred_at desc)
      from (select * from windowed where kind = 'failed' order by occurred_at desc limit 20) f
      join public.entitlements e on e.id = f.entitlement_id), '[]'::json),
    'checkouts', (
      select count(*) from public.checkout_audit c
      where c.guild_id = v_claims ->> 'guild_id' and c.created_at >= v_since and c.created_at < v_until),
    'recent_checkouts', coalesce((
      select json_agg(json_build_object(
        'at', c.created_at, 'user_id', c.user_id, 'plan_id', c.plan_id, 'promotion_id', c.promotion_id,
        'amount_cents', c.amount_cents, 'currency', c.currency, 'mode', c.mode, 'session_id', c.session_id
      ) order by c.created_at desc, c.id desc)
      from (select * from public.checkout_audit
            where guild_id = v_claims ->> 'guild_id' and created_at >= v_since and created_at < v_until
            order by created_at desc, id desc limit 20) c), '[]'::json),
    'plans', coalesce((
      select json_agg(json_build_object('id', p.id, 'key', p.key, 'name', p.name, 'name_fr', p.name_fr,
                                        'duration', p.duration) order by p.sort_order, p.id)
      from public.plans p
      where p.guild_id = v_claims ->> 'guild_id'
        and p.id in (select plan_id from windowed union select plan_id from public.entitlements
                     where guild_id = v_claims ->> 'guild_id' and status in ('active', 'grace')
                     union select plan_id from public.checkout_audit
                     where guild_id = v_claims ->> 'guild_id' and created_at >= v_since)), '[]'::json),
    'promotions', coalesce((
      select json_agg(json_build_object('id', pr.id, 'plan_id', pr.plan_id, 'percent', pr.percent,
                                        'starts_at', pr.starts_at, 'ends_at', pr.ends_at) order by pr.id)
      from public.promotions pr
      where pr.guild_id = v_claims ->> 'guild_id' and pr.id in (select promotion_id from windowed)), '[]'::json)
  ) into v_result;
  return v_result;
end;
$$;

-- Revenue of one server, for /maxis analytics and report ---------------------------------------------------
drop function public.revenue_figures(timestamptz, timestamptz);

-- Payments, refunds, disputes and failed payments of server p_guild_id in [p_since, p_until), by plan
-- and promotion, and its entitlements running now. The control identity only.
create function public.server_revenue_figures(p_guild_id text, p_since timestamptz, p_until timestamptz default now())
returns json
language plpgsql stable
security definer
set search_path = ''
as $$
declare
  v_result json;
begin
  if coalesce(auth.jwt() ->> 'role', '') <> 'service_role' then
    raise exception 'forbidden' using errcode = '42501';
  end if;
  if p_guild_id is null or p_guild_id !~ '^[0-9]{17,20}$' then
    raise exception 'invalid_server' using errcode = 'P0001', detail = 'a Discord server id';
  end if;
  with moves as (
    select s.*,
           case when s.kind = 'refund'
                then greatest(s.amount_cents - coalesce(lag(s.amount_cents) over (
                       partition by s.kind, s.charge_id order by s.amount_cents, s.occurred_at), 0), 0)
                else s.amount_cents end as cents
    from public.sales s where s.guild_id = p_guild_id
  ), windowed as (
    select * from moves where occurred_at >= p_since and occurred_at < p_until
  ), paid as (
    select * from windowed where kind = 'payment'
  )
  select json_build_object(
    'guild_id', p_guild_id,
    'paid_cents', coalesce((select sum(cents) from paid), 0),
    'refunded_cents', coalesce((select sum(cents) from windowed where kind = 'refund'), 0),
    'payments', (select count(*) from paid),
    'failed_payments', (select count(*) from windowed where kind = 'failed'),
    'disputes', (select count(*) from windowed where kind = 'dispute'),
    'currency', (select min(currency) from paid),
    'currencies', (select count(distinct currency) from paid),
    'active_subscriptions', (select count(*) from public.entitlements
                             where guild_id = p_guild_id and status in ('active', 'grace')),
    'by_plan', coalesce((
      select json_agg(json_build_object('plan_id', g.plan_id, 'plan_key', p.key, 'promotion_id', g.promotion_id,
                                        'payments', g.n, 'paid_cents', g.cents, 'currency', g.currency)
                      order by g.cents desc)
      from (select plan_id, promotion_id, currency, count(*) as n, sum(cents) as cents
            from paid group by plan_id, promotion_id, currency) g
      join public.plans p on p.id = g.plan_id
    ), '[]'::json)
  ) into v_result;
  return v_result;
end;
$$;

-- A plan's Discord role and SKU -----------------------------------------------------------------------------

-- (From 20261201020000_shop_per_server.sql, plus role_id and discord_sku_id: the dashboard shows and
-- edits them, and plan_audit records their changes.)
create or replace function shop_private.plan_json(p public.plans) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'id', p.id, 'guild_id', p.guild_id, 'key', p.key, 'name', p.name, 'name_fr', p.name_fr,
    'description', p.description, 'description_fr', p.description_fr,
    'price_cents', p.price_cents, 'floor_cents', p.floor_cents, 'currency', p.currency,
    'duration', p.duration, 'active', p.active, 'sort_order', p.sort_order,
    'role_id', p.role_id, 'discord_sku_id', p.discord_sku_id,
    'created_at', p.created_at, 'updated_at', p.updated_at
  )
$$;

-- Sets (or clears, with null) the Discord role a plan grants and the Discord SKU that also sells it.
-- Admins of the plan's server only; Maxis has checked with Discord that the role exists in the server
-- (this function cannot ask Discord). p_expected_updated_at as in plan_update.
create function public.plan_set_discord(
  p_plan_id text,
  p_expected_updated_at timestamptz,
  p_role_id text,
  p_sku_id text
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
  v_role text := nullif(btrim(coalesce(p_role_id, '')), '');
  v_sku text := nullif(btrim(coalesce(p_sku_id, '')), '');
begin
  select * into v_caller from shop_private.require_admin();
  select * into v_before from public.plans
  where id = p_plan_id and guild_id = v_caller.guild_id for update;
  if not found then perform shop_private.fail('plan_not_found', 'No such plan in this server.'); end if;
  if p_expected_updated_at is distinct from v_before.updated_at then
    perform shop_private.fail('plan_changed', 'Someone saved this plan since it was opened.');
  end if;
  if v_role is not null and (v_role !~ '^[0-9]{17,20}$' or v_role = v_caller.guild_id) then
    -- The server's id is its @everyone role, which every member holds and nobody is granted.
    perform shop_private.fail('invalid_role', 'A role is a Discord id (17 to 20 digits), not @everyone.');
  end if;
  if v_sku is not null and v_sku !~ '^[0-9]{17,20}$' then
    perform shop_private.fail('invalid_sku', 'A SKU is a Discord id (17 to 20 digits).');
  end if;
  if v_sku is not null and exists (select 1 from public.plans where discord_sku_id = v_sku and id <> v_before.id) then
    perform shop_private.fail('sku_taken', 'Another plan is already sold by this SKU.');
  end if;
  if v_role is not distinct from v_before.role_id and v_sku is not distinct from v_before.discord_sku_id then
    return shop_private.plan_json(v_before);
  end if;
  update public.plans
  set role_id = v_role, discord_sku_id = v_sku,
      updated_at = greatest(clock_timestamp(), v_before.updated_at + interval '1 microsecond')
  where id = v_before.id
  returning * into v_plan;
  perform shop_private.audit(v_plan.guild_id, v_plan.id, v_caller.user_id, 'updated',
                             shop_private.plan_json(v_before), shop_private.plan_json(v_plan));
  return shop_private.plan_json(v_plan);
end;
$$;

-- Privileges -------------------------------------------------------------------------------------------------
revoke all on public.sales, public.checkout_audit from public, anon, authenticated, service_role;
revoke all on sequence public.checkout_audit_id_seq from public, anon, authenticated, service_role;
-- The sales page, as the signed-in admin, under RLS.
grant select on public.sales, public.checkout_audit to authenticated;

revoke all on function
  payments_private.entitlement_events(text),
  payments_private.record_sales(public.entitlements),
  payments_private.sync_stripe_payment(text),
  public.payments_record_checkout(jsonb),
  public.sales_summary(integer),
  public.server_revenue_figures(text, timestamptz, timestamptz),
  public.plan_set_discord(text, timestamptz, text, text)
from public, anon, authenticated, service_role;

grant execute on function public.payments_record_checkout(jsonb), public.server_revenue_figures(text, timestamptz, timestamptz)
  to service_role;
grant execute on function public.sales_summary(integer), public.plan_set_discord(text, timestamptz, text, text)
  to authenticated;

-- /subscription says which plans were paid once (no renewal date to show), and names each plan in
-- French too. (From 20261201040000_payments.sql, plus `once` and `plan_name_fr`.)
create or replace function public.my_entitlements()
returns setof json
language sql stable
security invoker
set search_path = ''
as $$
  select json_build_object(
    'plan_id', e.plan_id, 'plan_name', p.name, 'plan_name_fr', p.name_fr, 'source', e.source,
    'status', e.status, 'period_end', e.period_end, 'grace_until', e.grace_until,
    'ended_reason', e.ended_reason, 'amount_cents', e.amount_cents, 'currency', e.currency,
    'stripe_customer_id', e.stripe_customer_id,
    'once', e.source = 'stripe' and e.external_id like 'pi\_%'
  )
  from public.entitlements e join public.plans p on p.id = e.plan_id
  where e.user_id = (select auth.jwt() ->> 'sub') and e.guild_id = (select auth.jwt() ->> 'guild_id')
  order by (e.status = 'ended'), e.updated_at desc
  limit 25
$$;
