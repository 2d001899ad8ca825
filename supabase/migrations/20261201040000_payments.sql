-- Payments (issue 14): Stripe Checkout and Discord's own subscriptions (Premium Apps), one
-- entitlement ledger, and the Discord roles that follow it.
--
-- Who writes: only the payments identity, a `service_role` JWT with `sub` = `payments` that Maxis
-- signs for a Stripe or Discord webhook whose signature it has checked, for Discord entitlements
-- that arrived in a signed interaction, and for its scheduled pass. It writes only through the
-- SECURITY DEFINER functions below; no API role writes a table directly.
-- Who reads: a member reads their own entitlements in the server they are in; that server's
-- administrators read all of its entitlements (RLS). Nobody reads the raw Stripe events or the role
-- outbox through the API.
--
-- Order independence: a Stripe event is stored once by its id (a repeat changes nothing) as the
-- "fact" it states, and a subscription's entitlement is recomputed from all of its facts each time
-- one arrives. The same set of events, in any order and with any repeats, therefore ends in the
-- same state. Amounts are integer cents.

-- Plans gain what payments need ----------------------------------------------------------------------------
alter table public.plans
  -- The Discord role a paying member holds while their entitlement is active or in grace.
  add column role_id text check (role_id ~ '^[0-9]{17,20}$'),
  -- The Discord SKU (Premium Apps) that sells this plan inside Discord, if any.
  add column discord_sku_id text unique check (discord_sku_id ~ '^[0-9]{17,20}$');
comment on column public.plans.role_id is 'Discord role granted while an entitlement to this plan is active or in grace.';
comment on column public.plans.discord_sku_id is 'Discord Premium Apps SKU that also sells this plan (entitlements from Discord).';

-- Tables ------------------------------------------------------------------------------------------------

-- Every Stripe event Maxis accepted (signature checked), once per event id: the audit trail of
-- payments and the facts entitlements are computed from. `effect` is what the event says about the
-- subscription's status (null: nothing, e.g. a refund, which `type` says ends it).
create table public.stripe_events (
  id text primary key check (id ~ '^evt_[A-Za-z0-9_]{1,200}$'),
  type text not null check (char_length(type) <= 100),
  -- Stripe's `created` (when the event happened), not when it reached us.
  occurred_at timestamptz not null,
  received_at timestamptz not null default now(),
  subscription_id text check (subscription_id ~ '^sub_[A-Za-z0-9_]{1,200}$'),
  charge_id text check (charge_id ~ '^(ch|py)_[A-Za-z0-9_]{1,200}$'),
  customer_id text check (customer_id ~ '^cus_[A-Za-z0-9_]{1,200}$'),
  -- From the metadata Maxis wrote on the Checkout Session and its subscription.
  guild_id text check (guild_id ~ '^[0-9]{17,20}$'),
  user_id text check (user_id ~ '^[0-9]{17,20}$'),
  plan_id text,
  promotion_id bigint,
  effect text check (effect in ('active', 'grace', 'ended')),
  period_end timestamptz,
  amount_cents integer check (amount_cents >= 0),
  currency text check (currency ~ '^[A-Z]{3}$')
);
comment on table public.stripe_events is
  'Stripe events accepted by the webhook, one row per event id (written once, never changed). No API role reads it.';
create index stripe_events_subscription_idx on public.stripe_events (subscription_id, occurred_at);
create index stripe_events_charge_idx on public.stripe_events (charge_id);
create index stripe_events_occurred_idx on public.stripe_events (occurred_at);

-- The entitlement ledger: who holds which plan in which server, from Stripe or from Discord.
create table public.entitlements (
  id bigint generated always as identity primary key,
  guild_id text not null check (guild_id ~ '^[0-9]{17,20}$'),
  user_id text not null check (user_id ~ '^[0-9]{17,20}$'),
  plan_id text not null references public.plans (id),
  source text not null check (source in ('stripe', 'discord')),
  -- The Stripe subscription id, or the Discord entitlement id.
  external_id text not null,
  status text not null check (status in ('active', 'grace', 'ended')),
  -- Paid until (renewal date); null when the source does not say (a Discord entitlement without end).
  period_end timestamptz,
  -- While in grace: the role is kept until then.
  grace_until timestamptz,
  ended_reason text check (ended_reason in ('canceled', 'refunded', 'disputed', 'unpaid', 'expired')),
  stripe_customer_id text check (stripe_customer_id ~ '^cus_[A-Za-z0-9_]{1,200}$'),
  promotion_id bigint,
  -- What the member was charged for one period, in cents (the promoted price /shop showed).
  amount_cents integer check (amount_cents >= 0),
  currency text check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (source, external_id)
);
comment on table public.entitlements is
  'Entitlement ledger. A member reads their own in their server, its administrators read the server''s; only payment functions write.';
create index entitlements_member_idx on public.entitlements (guild_id, user_id);
create index entitlements_status_idx on public.entitlements (status, grace_until);

-- Every change of an entitlement's status, for the audit trail (written by a trigger).
create table public.entitlement_audit (
  id bigint generated always as identity primary key,
  entitlement_id bigint not null references public.entitlements (id),
  from_status text,
  to_status text not null,
  reason text,
  at timestamptz not null default now()
);
comment on table public.entitlement_audit is
  'Status changes of entitlements (trigger-written). A server''s administrators read their server''s.';

-- Role grants and removals still to make on Discord. A row is done once Discord accepted it; a
-- failure is retried with a growing delay, never dropped. Drained by the scheduled handler and right
-- after the webhook that caused it.
create table public.role_outbox (
  id bigint generated always as identity primary key,
  guild_id text not null check (guild_id ~ '^[0-9]{17,20}$'),
  user_id text not null check (user_id ~ '^[0-9]{17,20}$'),
  role_id text not null check (role_id ~ '^[0-9]{17,20}$'),
  action text not null check (action in ('grant', 'revoke')),
  reason text not null check (char_length(reason) <= 100),
  created_at timestamptz not null default now(),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text check (char_length(last_error) <= 500),
  done_at timestamptz
);
comment on table public.role_outbox is
  'Discord role grants and removals to make; retried until done. No API role reads it; payment functions drain it.';
create index role_outbox_due_idx on public.role_outbox (next_attempt_at) where done_at is null;

-- Privileges ----------------------------------------------------------------------------------------------
revoke all on public.stripe_events, public.entitlements, public.entitlement_audit, public.role_outbox
  from public, anon, authenticated, service_role;
revoke all on sequence public.entitlements_id_seq, public.entitlement_audit_id_seq, public.role_outbox_id_seq
  from public, anon, authenticated, service_role;
-- /subscription (members, their own) and the server's admins, under RLS.
grant select on public.entitlements, public.entitlement_audit to authenticated;

alter table public.stripe_events enable row level security;
alter table public.entitlements enable row level security;
alter table public.entitlement_audit enable row level security;
alter table public.role_outbox enable row level security;

create policy "members read their own entitlements in their server" on public.entitlements
  for select to authenticated
  using (
    guild_id = (select auth.jwt() ->> 'guild_id')
    and user_id = (select auth.jwt() ->> 'sub')
  );

create policy "administrators read their server's entitlements" on public.entitlements
  for select to authenticated
  using (
    guild_id = (select auth.jwt() ->> 'guild_id')
    and (select auth.jwt() ->> 'app_role') = 'admin'
  );

create policy "administrators read their server's entitlement changes" on public.entitlement_audit
  for select to authenticated
  using (
    (select auth.jwt() ->> 'app_role') = 'admin'
    and exists (
      select 1 from public.entitlements e
      where e.id = entitlement_id and e.guild_id = (select auth.jwt() ->> 'guild_id')
    )
  );

-- Private helpers -----------------------------------------------------------------------------------------
create schema payments_private;
revoke all on schema payments_private from public, anon, authenticated, service_role;

-- How long a member keeps the role after a failed payment, while Stripe retries the card.
create function payments_private.grace_period()
returns interval
language sql immutable
set search_path = ''
as $$ select interval '3 days' $$;

-- The payments identity only (a service_role JWT with sub 'payments').
create function payments_private.require_payments()
returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if coalesce(auth.jwt() ->> 'role', '') <> 'service_role'
     or coalesce(auth.jwt() ->> 'sub', '') <> 'payments' then
    raise exception 'forbidden' using errcode = '42501', detail = 'payments identity only';
  end if;
end;
$$;

-- Does this member still hold some entitlement (active or grace) to a plan with this role?
create function payments_private.role_wanted(p_guild_id text, p_user_id text, p_role_id text)
returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.entitlements e join public.plans p on p.id = e.plan_id
    where e.guild_id = p_guild_id and e.user_id = p_user_id and p.role_id = p_role_id
      and e.status in ('active', 'grace')
  )
$$;

-- Queues the grant or removal of the role of `p_plan_id` when whether the member should hold it
-- differs from `p_had` (what it was before this change).
create function payments_private.queue_role_change(
  p_guild_id text, p_user_id text, p_plan_id text, p_had boolean, p_reason text
)
returns void
language plpgsql volatile
set search_path = ''
as $$
declare
  v_role text := (select role_id from public.plans where id = p_plan_id);
  v_wanted boolean;
begin
  if v_role is null then
    return;
  end if;
  v_wanted := payments_private.role_wanted(p_guild_id, p_user_id, v_role);
  if v_wanted is distinct from p_had then
    insert into public.role_outbox (guild_id, user_id, role_id, action, reason)
    values (p_guild_id, p_user_id, v_role, case when v_wanted then 'grant' else 'revoke' end, p_reason);
  end if;
end;
$$;

-- Writes an entitlement's new state and queues the role change it causes, if any.
create function payments_private.put_entitlement(
  p_source text, p_external_id text, p_guild_id text, p_user_id text, p_plan_id text,
  p_status text, p_period_end timestamptz, p_grace_until timestamptz, p_ended_reason text,
  p_customer_id text, p_promotion_id bigint, p_amount_cents integer, p_currency text
)
returns public.entitlements
language plpgsql volatile
set search_path = ''
as $$
declare
  v_role text := (select role_id from public.plans where id = p_plan_id);
  v_had boolean := v_role is not null and payments_private.role_wanted(p_guild_id, p_user_id, v_role);
  v_row public.entitlements;
begin
  insert into public.entitlements as e (
    guild_id, user_id, plan_id, source, external_id, status, period_end, grace_until, ended_reason,
    stripe_customer_id, promotion_id, amount_cents, currency
  ) values (
    p_guild_id, p_user_id, p_plan_id, p_source, p_external_id, p_status, p_period_end, p_grace_until,
    p_ended_reason, p_customer_id, p_promotion_id, p_amount_cents, p_currency
  )
  on conflict (source, external_id) do update set
    status = excluded.status,
    period_end = excluded.period_end,
    grace_until = excluded.grace_until,
    ended_reason = excluded.ended_reason,
    stripe_customer_id = coalesce(excluded.stripe_customer_id, e.stripe_customer_id),
    promotion_id = coalesce(excluded.promotion_id, e.promotion_id),
    amount_cents = coalesce(excluded.amount_cents, e.amount_cents),
    currency = coalesce(excluded.currency, e.currency),
    updated_at = now()
  returning * into v_row;
  perform payments_private.queue_role_change(
    p_guild_id, p_user_id, p_plan_id, v_had, format('%s %s %s', p_source, p_status, coalesce(p_ended_reason, ''))
  );
  return v_row;
end;
$$;

-- Entitlement status changes go to the audit trail.
create function payments_private.audit_entitlement()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.status is distinct from old.status then
    insert into public.entitlement_audit (entitlement_id, from_status, to_status, reason)
    values (new.id, case when tg_op = 'UPDATE' then old.status end, new.status, new.ended_reason);
  end if;
  return new;
end;
$$;
create trigger entitlements_audit after insert or update on public.entitlements
  for each row execute function payments_private.audit_entitlement();

-- Recomputes a Stripe subscription's entitlement from every fact stored about it. Ended for good by a
-- deletion, or by a full refund or a dispute of one of its charges; otherwise the latest status-bearing event
-- decides (active or grace), and a grace that outlived the grace period has ended.
create function payments_private.sync_stripe_subscription(p_subscription_id text)
returns public.entitlements
language plpgsql volatile
set search_path = ''
as $$
declare
  v_who record;
  v_latest record;
  v_terminal text;
  v_period_end timestamptz;
  v_status text;
  v_grace_until timestamptz;
  v_reason text;
begin
  select guild_id, user_id, plan_id, promotion_id into v_who
  from public.stripe_events
  where subscription_id = p_subscription_id and guild_id is not null and user_id is not null
    and plan_id is not null and exists (select 1 from public.plans p where p.id = plan_id)
  order by occurred_at, id
  limit 1;
  if not found then
    -- Nothing yet says whose it is: a later event (or the checkout's) will.
    return null;
  end if;

  select case
           when exists (select 1 from public.stripe_events
                        where subscription_id = p_subscription_id and type = 'customer.subscription.deleted')
             then 'canceled'
           when exists (select 1 from public.stripe_events r
                        where r.type = 'charge.dispute.created' and r.charge_id in (
                          select charge_id from public.stripe_events
                          where subscription_id = p_subscription_id and charge_id is not null))
             then 'disputed'
           when exists (select 1 from public.stripe_events r
                        where r.type = 'charge.refunded' and r.effect = 'ended' and r.charge_id in (
                          select charge_id from public.stripe_events
                          where subscription_id = p_subscription_id and charge_id is not null))
             then 'refunded'
         end
  into v_terminal;

  -- At equal times a failure outranks a success, and an ending outranks both: the cautious reading.
  select effect, occurred_at into v_latest
  from public.stripe_events
  where subscription_id = p_subscription_id and effect is not null
  order by occurred_at desc,
           case effect when 'ended' then 3 when 'grace' then 2 else 1 end desc,
           id desc
  limit 1;

  select max(period_end) into v_period_end
  from public.stripe_events where subscription_id = p_subscription_id;

  if v_terminal is not null then
    v_status := 'ended';
    v_reason := v_terminal;
  elsif v_latest.effect = 'grace' then
    v_grace_until := v_latest.occurred_at + payments_private.grace_period();
    if v_grace_until <= now() then
      v_status := 'ended';
      v_reason := 'unpaid';
    else
      v_status := 'grace';
    end if;
  elsif v_latest.effect = 'ended' then
    v_status := 'ended';
    v_reason := 'canceled';
  else
    v_status := 'active';
  end if;

  return payments_private.put_entitlement(
    'stripe', p_subscription_id, v_who.guild_id, v_who.user_id, v_who.plan_id,
    v_status, v_period_end, case when v_status = 'grace' then v_grace_until end, v_reason,
    (select customer_id from public.stripe_events
     where subscription_id = p_subscription_id and customer_id is not null limit 1),
    v_who.promotion_id,
    (select amount_cents from public.stripe_events
     where subscription_id = p_subscription_id and type in ('invoice.paid', 'checkout.session.completed')
       and amount_cents is not null
     order by occurred_at desc, id desc limit 1),
    (select currency from public.stripe_events
     where subscription_id = p_subscription_id and currency is not null limit 1)
  );
end;
$$;

create function payments_private.entitlement_json(e public.entitlements)
returns json
language sql stable
set search_path = ''
as $$
  select json_build_object(
    'id', e.id, 'guild_id', e.guild_id, 'user_id', e.user_id, 'plan_id', e.plan_id,
    'plan_name', (select name from public.plans where id = e.plan_id),
    'source', e.source, 'external_id', e.external_id, 'status', e.status,
    'period_end', e.period_end, 'grace_until', e.grace_until, 'ended_reason', e.ended_reason,
    'amount_cents', e.amount_cents, 'currency', e.currency
  )
$$;

-- Functions the payments identity calls ---------------------------------------------------------------------

-- Stores one Stripe event (already verified and reduced to its facts by the Worker) and recomputes
-- the subscription it concerns. A repeat of a stored id changes nothing: {"duplicate": true}.
create function public.payments_record_stripe_event(p_event jsonb)
returns json
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_subscription text;
  v_inserted boolean;
  v_entitlement public.entitlements;
begin
  perform payments_private.require_payments();
  insert into public.stripe_events (
    id, type, occurred_at, subscription_id, charge_id, customer_id, guild_id, user_id, plan_id,
    promotion_id, effect, period_end, amount_cents, currency
  ) values (
    p_event ->> 'id', p_event ->> 'type', to_timestamp((p_event ->> 'created')::bigint),
    p_event ->> 'subscription_id', p_event ->> 'charge_id', p_event ->> 'customer_id',
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

  -- A refund or dispute names a charge; the subscription is the one that charge paid (if known yet).
  v_subscription := coalesce(
    p_event ->> 'subscription_id',
    (select subscription_id from public.stripe_events
     where charge_id = p_event ->> 'charge_id' and subscription_id is not null limit 1)
  );
  if v_subscription is not null then
    v_entitlement := payments_private.sync_stripe_subscription(v_subscription);
  end if;
  return json_build_object(
    'duplicate', false,
    'entitlement', case when v_entitlement.id is not null then payments_private.entitlement_json(v_entitlement) end
  );
end;
$$;

-- A Discord entitlement as Discord sent it (in an interaction or an ENTITLEMENT_* webhook event),
-- reduced by the Worker to {id, sku_id, user_id, guild_id, starts_at, ends_at, deleted}. Its plan is
-- the one mapped to the SKU; an unknown SKU is ignored ({"plan": null}). Deleted, or past its end:
-- ended. Deletion is final, so an update delivered after the delete cannot revive it.
create function public.payments_record_discord_entitlement(p_entitlement jsonb)
returns json
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_plan public.plans;
  v_existing public.entitlements;
  v_ends timestamptz := (p_entitlement ->> 'ends_at')::timestamptz;
  v_deleted boolean := coalesce((p_entitlement ->> 'deleted')::boolean, false);
  v_status text;
  v_row public.entitlements;
begin
  perform payments_private.require_payments();
  select * into v_plan from public.plans where discord_sku_id = p_entitlement ->> 'sku_id';
  if not found then
    return json_build_object('plan', null);
  end if;
  select * into v_existing from public.entitlements
  where source = 'discord' and external_id = p_entitlement ->> 'id';
  if found and v_existing.ended_reason = 'canceled' then
    return json_build_object('plan', v_plan.id, 'entitlement', payments_private.entitlement_json(v_existing));
  end if;
  v_status := case when v_deleted or (v_ends is not null and v_ends <= now()) then 'ended' else 'active' end;
  v_row := payments_private.put_entitlement(
    'discord', p_entitlement ->> 'id', p_entitlement ->> 'guild_id', p_entitlement ->> 'user_id', v_plan.id,
    v_status, v_ends, null,
    case when v_deleted then 'canceled' when v_status = 'ended' then 'expired' end,
    null, null, null, null
  );
  return json_build_object('plan', v_plan.id, 'entitlement', payments_private.entitlement_json(v_row));
end;
$$;

-- Time-based endings: Stripe subscriptions whose grace ran out, Discord entitlements past their end.
-- Returns how many ended. Called by the scheduled pass.
create function public.payments_expire()
returns integer
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_count integer := 0;
  v_row record;
begin
  perform payments_private.require_payments();
  for v_row in
    select external_id from public.entitlements
    where source = 'stripe' and status = 'grace' and grace_until <= now()
  loop
    perform payments_private.sync_stripe_subscription(v_row.external_id);
    v_count := v_count + 1;
  end loop;
  for v_row in
    select * from public.entitlements
    where source = 'discord' and status = 'active' and period_end <= now()
  loop
    perform payments_private.put_entitlement(
      'discord', v_row.external_id, v_row.guild_id, v_row.user_id, v_row.plan_id,
      'ended', v_row.period_end, null, 'expired', null, null, null, null
    );
    v_count := v_count + 1;
  end loop;
  return v_count;
end;
$$;

-- Up to p_limit role changes that are due, leased for 2 minutes so two drains never make the same call.
create function public.payments_claim_role_changes(p_limit integer default 20)
returns setof json
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  perform payments_private.require_payments();
  return query
    with due as (
      select o.id from public.role_outbox o
      where o.done_at is null and o.next_attempt_at <= now()
      order by o.next_attempt_at, o.id
      limit least(greatest(p_limit, 1), 100)
      for update skip locked
    )
    update public.role_outbox o
    set next_attempt_at = now() + interval '2 minutes', attempts = o.attempts + 1
    from due where o.id = due.id
    returning json_build_object(
      'id', o.id, 'guild_id', o.guild_id, 'user_id', o.user_id, 'role_id', o.role_id,
      'action', o.action, 'reason', o.reason, 'attempts', o.attempts
    );
end;
$$;

-- The outcome of one role change: done, or retried later (5 s, then 20 s, 80 s… at most an hour apart;
-- the scheduled pass runs every 5 minutes, and a drain follows every webhook).
create function public.payments_finish_role_change(p_id bigint, p_ok boolean, p_error text default null)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  perform payments_private.require_payments();
  update public.role_outbox
  set done_at = case when p_ok then now() end,
      last_error = case when p_ok then null else left(p_error, 500) end,
      next_attempt_at = case when p_ok then next_attempt_at
                             else now() + least(interval '1 hour', interval '5 seconds' * power(4, attempts - 1)) end
  where id = p_id and done_at is null;
end;
$$;

-- Reconcile: who should hold which role, for members with an entitlement still running or ended in
-- the last 30 days (older endings were reconciled before), at most p_limit of them, chosen at random.
-- `wanted` false: the role must be gone.
create function public.payments_role_targets(p_limit integer default 200)
returns setof json
language plpgsql stable
security definer
set search_path = ''
as $$
begin
  perform payments_private.require_payments();
  return query
    select json_build_object('guild_id', t.guild_id, 'user_id', t.user_id, 'role_id', t.role_id, 'wanted', t.wanted)
    from (
      select e.guild_id, e.user_id, p.role_id, bool_or(e.status in ('active', 'grace')) as wanted
      from public.entitlements e join public.plans p on p.id = e.plan_id
      where p.role_id is not null
        and (e.status in ('active', 'grace') or e.updated_at > now() - interval '30 days')
      group by e.guild_id, e.user_id, p.role_id
      -- A random sample each pass: beyond the limit, every member is still checked over a few passes.
      order by random()
      limit least(greatest(p_limit, 1), 1000)
    ) t;
end;
$$;

-- Reconcile found a member whose role differs from the ledger: queue the repair (once: not while
-- the same change is already waiting).
create function public.payments_queue_repair(p_guild_id text, p_user_id text, p_role_id text, p_wanted boolean)
returns boolean
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  perform payments_private.require_payments();
  if p_wanted is distinct from payments_private.role_wanted(p_guild_id, p_user_id, p_role_id) then
    return false;
  end if;
  if exists (select 1 from public.role_outbox
             where guild_id = p_guild_id and user_id = p_user_id and role_id = p_role_id and done_at is null) then
    return false;
  end if;
  insert into public.role_outbox (guild_id, user_id, role_id, action, reason)
  values (p_guild_id, p_user_id, p_role_id, case when p_wanted then 'grant' else 'revoke' end, 'reconcile');
  return true;
end;
$$;

-- Functions members and the control identity call ---------------------------------------------------------

-- /subscription: the caller's entitlements in this server, running ones first (SECURITY INVOKER: RLS).
create function public.my_entitlements()
returns setof json
language sql stable
security invoker
set search_path = ''
as $$
  select json_build_object(
    'plan_id', e.plan_id, 'plan_name', p.name, 'source', e.source, 'status', e.status,
    'period_end', e.period_end, 'grace_until', e.grace_until, 'ended_reason', e.ended_reason,
    'amount_cents', e.amount_cents, 'currency', e.currency, 'stripe_customer_id', e.stripe_customer_id
  )
  from public.entitlements e join public.plans p on p.id = e.plan_id
  where e.user_id = (select auth.jwt() ->> 'sub') and e.guild_id = (select auth.jwt() ->> 'guild_id')
  order by (e.status = 'ended'), e.updated_at desc
  limit 25
$$;

-- /shop: the active plans Discord also sells (Premium Apps), for their premium buttons. Under RLS.
create function public.plan_skus()
returns table (plan_id text, sku_id text)
language sql stable
security invoker
set search_path = ''
as $$
  select p.id, p.discord_sku_id from public.plans p
  where p.active and p.discord_sku_id is not null
  order by p.sort_order, p.id
$$;

-- Revenue in [p_since, p_until) for /maxis analytics and report: paid, refunded, failed payments,
-- by plan and promotion; and the subscriptions running now. The control identity only.
create function public.revenue_figures(p_since timestamptz, p_until timestamptz default now())
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
  with window_events as (
    select ev.*,
           coalesce(ev.plan_id, (select s.plan_id from public.stripe_events s
                                 where s.subscription_id = ev.subscription_id and s.plan_id is not null limit 1)) as plan,
           coalesce(ev.promotion_id, (select s.promotion_id from public.stripe_events s
                                      where s.subscription_id = ev.subscription_id and s.promotion_id is not null limit 1)) as promo
    from public.stripe_events ev
    where ev.occurred_at >= p_since and ev.occurred_at < p_until
  ), paid as (
    select * from window_events where type = 'invoice.paid'
  )
  select json_build_object(
    'paid_cents', coalesce((select sum(amount_cents) from paid), 0),
    'refunded_cents', coalesce((select sum(amount_cents) from window_events where type = 'charge.refunded'), 0),
    'payments', (select count(*) from paid),
    'failed_payments', (select count(*) from window_events where type = 'invoice.payment_failed'),
    'disputes', (select count(*) from window_events where type = 'charge.dispute.created'),
    'currency', (select min(currency) from paid),
    'active_subscriptions', (select count(*) from public.entitlements where status in ('active', 'grace')),
    'by_plan', coalesce((
      select json_agg(json_build_object('plan_id', plan, 'promotion_id', promo, 'payments', n, 'paid_cents', cents)
                      order by cents desc)
      from (select plan, promo, count(*) as n, sum(amount_cents) as cents from paid group by plan, promo) g
    ), '[]'::json)
  ) into v_result;
  return v_result;
end;
$$;

-- Grants ---------------------------------------------------------------------------------------------------
revoke all on function
  payments_private.grace_period(),
  payments_private.require_payments(),
  payments_private.role_wanted(text, text, text),
  payments_private.queue_role_change(text, text, text, boolean, text),
  payments_private.put_entitlement(text, text, text, text, text, text, timestamptz, timestamptz, text, text, bigint, integer, text),
  payments_private.audit_entitlement(),
  payments_private.sync_stripe_subscription(text),
  payments_private.entitlement_json(public.entitlements),
  public.payments_record_stripe_event(jsonb),
  public.payments_record_discord_entitlement(jsonb),
  public.payments_expire(),
  public.payments_claim_role_changes(integer),
  public.payments_finish_role_change(bigint, boolean, text),
  public.payments_role_targets(integer),
  public.payments_queue_repair(text, text, text, boolean),
  public.my_entitlements(),
  public.plan_skus(),
  public.revenue_figures(timestamptz, timestamptz)
from public, anon, authenticated, service_role;

grant execute on function
  public.payments_record_stripe_event(jsonb),
  public.payments_record_discord_entitlement(jsonb),
  public.payments_expire(),
  public.payments_claim_role_changes(integer),
  public.payments_finish_role_change(bigint, boolean, text),
  public.payments_role_targets(integer),
  public.payments_queue_repair(text, text, text, boolean),
  public.revenue_figures(timestamptz, timestamptz)
to service_role;
grant execute on function public.my_entitlements(), public.plan_skus() to authenticated;
