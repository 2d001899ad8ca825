-- /shop in one round trip: list_shop also says which plans Discord sells (their SKU), so the premium
-- buttons need no second call (issue 18: one Supabase call per /shop). Same rows, same policies as the
-- per-server definition in 20261201020000_shop_per_server.sql, plus `discord_sku_id` (added to plans
-- by 20261201040000_payments.sql).
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
  discord_sku_id text
)
language sql stable
security invoker
set search_path = ''
as $$
  select p.id, p.key, p.name, p.name_fr, p.description, p.description_fr, p.price_cents, p.currency,
         p.duration, best.id, best.percent,
         case when best.id is not null
              then public.promoted_price_cents(p.price_cents, p.floor_cents, best.percent) end,
         best.ends_at, p.discord_sku_id
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

-- /shop no longer calls plan_skus(): list_shop says which plans Discord sells.
drop function public.plan_skus();
