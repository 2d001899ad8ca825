-- What a member is told before and after paying (found by an attack run):
-- * The Buy button promised "your role arrives as soon as the payment goes through" for every plan,
--   also for plans that give no role: list_shop now says which plans give one (grants_role).
-- * /subscription said "EUR 10.39 per period" for a monthly plan: my_entitlements now gives the plan's
--   duration, so the price is per week, month or year as at checkout.
-- Same rows, same policies as before (20261201090000_shop_lists_skus.sql and
-- 20261202060000_sales.sql), one more column or field each.
drop function public.list_shop(text);

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
  promotion_ends_at timestamptz,
  discord_sku_id text,
  grants_role boolean
)
language sql stable
security invoker
set search_path = ''
as $$
  select p.id, p.key, p.name, p.name_fr, p.description, p.description_fr, p.price_cents, p.currency,
         p.duration, best.id, best.percent,
         case when best.id is not null
              then public.promoted_price_cents(p.price_cents, p.floor_cents, best.percent) end,
         best.ends_at, p.discord_sku_id, p.role_id is not null
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

revoke execute on function public.list_shop(text) from public, anon, authenticated, service_role;
grant execute on function public.list_shop(text) to authenticated, service_role;

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
    'once', e.source = 'stripe' and e.external_id like 'pi\_%',
    'duration', p.duration
  )
  from public.entitlements e join public.plans p on p.id = e.plan_id
  where e.user_id = (select auth.jwt() ->> 'sub') and e.guild_id = (select auth.jwt() ->> 'guild_id')
  order by (e.status = 'ended'), e.updated_at desc
  limit 25
$$;
