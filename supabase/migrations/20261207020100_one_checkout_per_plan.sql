-- A member could open two Checkout Sessions for the same plan (two clicks on Buy) and pay both: two
-- subscriptions, billed twice. Opening a new checkout now names the member's earlier ones for that
-- plan that may still be open, and Maxis expires them at Stripe before it shows the new link.
--
--   * payments_record_checkout returns {"earlier_open": [session ids]}: the member's other checkouts
--     for the plan in this server from the last 24 hours (Stripe's longest session life), not known
--     closed. Two clicks at once are serialized per member and plan (a transaction-scoped advisory
--     lock), so the later one always sees the earlier one.
--   * `checkout_closures`: the checkouts known closed at Stripe, so they are not expired again: paid
--     (payments_record_stripe_event stores it with the checkout.session.completed event, whose
--     session id the Worker now passes), or seen expired or paid by Maxis (payments_close_checkouts).
--
-- Redefined here: payments_record_checkout (20261202060000_sales.sql; it returned nothing, so it is
-- dropped and created again with its answer) and payments_record_stripe_event
-- (20261207020000_cancel_refunded_subscriptions.sql: the closure of a paid checkout).

create table public.checkout_closures (
  session_id text primary key references public.checkout_audit (session_id),
  status text not null check (status in ('expired', 'complete')),
  closed_at timestamptz not null default now()
);
comment on table public.checkout_closures is
  'Checkout Sessions Maxis saw closed at Stripe (expired or paid). No API role reads it; payment functions write.';

-- The member's checkouts for one plan, newest last.
create index checkout_audit_member_plan_idx on public.checkout_audit (guild_id, user_id, plan_id, created_at);

revoke all on public.checkout_closures from public, anon, authenticated, service_role;
alter table public.checkout_closures enable row level security;

-- Stores one Stripe event and recomputes the entitlement it concerns: a subscription (named, or found
-- through its charge), else a one-time payment (its PaymentIntent). Then its money movements go to
-- `sales`. A repeat of a stored id changes nothing: {"duplicate": true}. Both answers carry
-- `cancel_subscription`: the subscription Maxis must cancel at Stripe, or null.
-- A completed checkout is closed in `checkout_closures`: Buy never tries to expire a paid one.
-- (From 20261207020000_cancel_refunded_subscriptions.sql, plus the closure.)
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
  v_subscription := payments_private.subscription_of_event(p_event);
  if not v_inserted then
    return json_build_object(
      'duplicate', true,
      'cancel_subscription', payments_private.subscription_to_cancel(v_subscription)
    );
  end if;
  if p_event ->> 'type' = 'checkout.session.completed' then
    insert into public.checkout_closures (session_id, status)
    select a.session_id, 'complete' from public.checkout_audit a
    where a.session_id = p_event ->> 'checkout_session_id'
    on conflict (session_id) do update set status = 'complete';
  end if;

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
    'entitlement', case when v_entitlement.id is not null then payments_private.entitlement_json(v_entitlement) end,
    'cancel_subscription', payments_private.subscription_to_cancel(v_subscription)
  );
end;
$$;

drop function public.payments_record_checkout(jsonb);

-- One Checkout Session Maxis opened, right after Stripe created it, and the member's earlier
-- checkouts for the same plan that may still be open (Maxis expires them). The payments identity only.
-- (From 20261202060000_sales.sql, plus the lock and the answer.)
create function public.payments_record_checkout(p_checkout jsonb)
returns json
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_guild text := p_checkout ->> 'guild_id';
  v_user text := p_checkout ->> 'user_id';
  v_plan text := p_checkout ->> 'plan_id';
  v_session text := p_checkout ->> 'session_id';
begin
  perform payments_private.require_payments();
  -- Held until commit: a concurrent checkout of the same member and plan waits, then sees this one.
  perform pg_advisory_xact_lock(hashtextextended(format('checkout:%s:%s:%s', v_guild, v_user, v_plan), 0));
  insert into public.checkout_audit (
    guild_id, user_id, plan_id, promotion_id, amount_cents, currency, mode, session_id, interaction_id
  ) values (
    v_guild, v_user, v_plan,
    (p_checkout ->> 'promotion_id')::bigint, (p_checkout ->> 'amount_cents')::integer,
    upper(p_checkout ->> 'currency'), p_checkout ->> 'mode', v_session,
    p_checkout ->> 'interaction_id'
  )
  -- Stripe answers a retried request (same idempotency key) with the same session: one row.
  on conflict (session_id) do nothing;
  return json_build_object('earlier_open', coalesce((
    select json_agg(c.session_id order by c.created_at, c.id)
    from public.checkout_audit c
    where c.guild_id = v_guild and c.user_id = v_user and c.plan_id = v_plan
      and c.session_id <> v_session
      and c.created_at > now() - interval '24 hours'
      and not exists (select 1 from public.checkout_closures x where x.session_id = c.session_id)
  ), '[]'::json));
end;
$$;

-- Checkouts Maxis saw closed at Stripe: [{"session_id", "status": "expired" | "complete"}]. Unknown
-- sessions are skipped. The payments identity only.
create function public.payments_close_checkouts(p_closures jsonb)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  perform payments_private.require_payments();
  insert into public.checkout_closures (session_id, status)
  select c.session_id, c.status
  from jsonb_to_recordset(p_closures) as c(session_id text, status text)
  where exists (select 1 from public.checkout_audit a where a.session_id = c.session_id)
  on conflict (session_id) do nothing;
end;
$$;

revoke all on function
  public.payments_record_checkout(jsonb),
  public.payments_close_checkouts(jsonb)
from public, anon, authenticated, service_role;
grant execute on function
  public.payments_record_checkout(jsonb),
  public.payments_close_checkouts(jsonb)
to service_role;
