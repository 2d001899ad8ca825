-- Plans described in French too: /shop shows each member the description in their language.
--
-- `description` stays the English one (every plan has it); `description_fr` is its French translation,
-- empty until the owner writes it, in which case French readers see the English one rather than nothing.
alter table public.plans
  add column description_fr text not null default '' check (char_length(description_fr) <= 500);
comment on column public.plans.description_fr is
  'The plan''s description in French; empty: French readers get the English description.';

-- list_shop() gains the column, so it is dropped and created again (a function's result type cannot
-- change in place), with the same grants: members and staff read it, through their own JWT.
drop function public.list_shop();

create function public.list_shop()
returns table (
  id text,
  name text,
  description text,
  description_fr text,
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
  select p.id, p.name, p.description, p.description_fr, p.price_cents, p.currency,
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

revoke execute on function public.list_shop() from public, anon;
grant execute on function public.list_shop() to authenticated, service_role;
