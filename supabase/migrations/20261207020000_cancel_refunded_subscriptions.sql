-- A full refund or a dispute ends a Stripe subscription's entitlement, but Stripe kept billing it:
-- nothing asked Stripe to cancel it. payments_record_stripe_event now says which subscription Maxis
-- must cancel at Stripe (`cancel_subscription`): one whose entitlement a full refund or a dispute
-- ended, and that Stripe has not yet reported deleted. It says so for a repeat of a stored event too,
-- so that when the cancel failed (the webhook answered 500) Stripe's redelivery retries it. Once
-- Stripe's `customer.subscription.deleted` is stored, it is never asked for again.
--
-- Redefined here (copied from its latest migration, then changed): payments_record_stripe_event
-- (20261202060000_sales.sql: the subscription lookup moves to subscription_of_event, and both
-- answers carry cancel_subscription).

-- The Stripe subscription an event concerns: the one it names, else the one its charge or
-- PaymentIntent paid (a refund or dispute names only a charge), if known yet.
create function payments_private.subscription_of_event(p_event jsonb)
returns text
language sql stable
set search_path = ''
as $$
  select coalesce(
    p_event ->> 'subscription_id',
    (select subscription_id from public.stripe_events
     where charge_id = p_event ->> 'charge_id' and subscription_id is not null limit 1),
    (select subscription_id from public.stripe_events
     where payment_intent_id = p_event ->> 'payment_intent_id' and subscription_id is not null limit 1)
  )
$$;

-- The subscription itself when Maxis must cancel it at Stripe: its entitlement was ended by a full
-- refund or a dispute, and no deletion from Stripe is stored yet. Null otherwise.
create function payments_private.subscription_to_cancel(p_subscription_id text)
returns text
language sql stable
set search_path = ''
as $$
  select e.external_id from public.entitlements e
  where e.source = 'stripe' and e.external_id = p_subscription_id and e.external_id like 'sub\_%'
    and e.status = 'ended' and e.ended_reason in ('refunded', 'disputed')
    and not exists (select 1 from public.stripe_events d
                    where d.subscription_id = p_subscription_id and d.type = 'customer.subscription.deleted')
$$;

-- Stores one Stripe event and recomputes the entitlement it concerns: a subscription (named, or found
-- through its charge), else a one-time payment (its PaymentIntent). Then its money movements go to
-- `sales`. A repeat of a stored id changes nothing: {"duplicate": true}. Both answers carry
-- `cancel_subscription`: the subscription Maxis must cancel at Stripe, or null.
-- (From 20261202060000_sales.sql, plus cancel_subscription.)
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

revoke all on function
  payments_private.subscription_of_event(jsonb),
  payments_private.subscription_to_cancel(text)
from public, anon, authenticated, service_role;
