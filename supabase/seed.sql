-- Local development data. Applied once, right after the migrations, when the local database is created
-- (`npm run dev` after `npm run db:reset`, or `supabase db reset` with the Supabase CLI); never by
-- `supabase db push`. No real user data here.
--
-- Demo data for the local server: shop plans and a few tickets.

-- Shop: the local server's plans (prices in cents; the floor is the lowest a promotion may reach), and
-- one live promotion so `npm run interact -- maxis "/shop"` shows a countdown. A second server
-- (1300000000000000920, the browser tests' own) sells something else: /shop there never shows these.
insert into public.plans (id, guild_id, key, name, name_fr, description, description_fr, price_cents, currency,
                          floor_cents, duration, sort_order) values
  ('basic', '1300000000000000010', 'basic', 'Basic', 'Basique', 'The essentials, for one server.',
   'L''essentiel, pour un serveur.', 499, 'EUR', 299, 'month', 10),
  ('pro', '1300000000000000010', 'pro', 'Pro', 'Pro', 'Everything in Basic, plus priority support and analytics.',
   'Tout Basique, avec le support prioritaire et les statistiques.', 1299, 'EUR', 799, 'month', 20),
  ('premium', '1300000000000000010', 'premium', 'Premium', 'Premium', 'Everything in Pro, for up to ten servers.',
   'Tout Pro, pour dix serveurs au plus.', 2999, 'EUR', 1999, 'month', 30),
  ('lifetime', '1300000000000000010', 'lifetime', 'Lifetime', 'À vie', 'Pro, paid once.', 'Pro, payé une seule fois.',
   14900, 'EUR', 9900, 'lifetime', 40),
  ('other-pro', '1300000000000000920', 'pro', 'Other server Pro', 'Pro de l''autre serveur',
   'The second local server''s own plan.', 'Le plan du second serveur local.', 900, 'USD', 500, 'month', 10);
-- Payments: each plan's Discord role in the local server, and Premium also sold by Discord (a SKU).
update public.plans set role_id = '1300000000000000071' where id = 'basic';
update public.plans set role_id = '1300000000000000072' where id = 'pro';
update public.plans set role_id = '1300000000000000073', discord_sku_id = '1300000000000000081' where id = 'premium';
update public.plans set role_id = '1300000000000000074' where id = 'lifetime';
insert into public.promotions (plan_id, guild_id, percent, starts_at, ends_at, created_by) values
  ('pro', '1300000000000000010', 20, now(), now() + interval '48 hours', 'control');

-- Tickets ---------------------------------------------------------------------------------------------------
-- A few tickets in the local server (scripts/lib/local-identities.ts), written through the ticket
-- functions as the people involved, so numbers, timestamps and audit rows are exactly what real use
-- leaves: members 1300000000000000111 and 1300000000000000444, staff 1300000000000000222.
-- Session-level settings (not `set local`), so this also works where the seed is not run in one transaction.
set role authenticated;

select set_config('request.jwt.claims', '{"sub":"1300000000000000111","role":"authenticated","app_role":"member","guild_id":"1300000000000000010"}', false);
select public.ticket_create('Cannot log in after a password reset',
  'Since I reset my password this morning the login page says "invalid session". I tried two browsers.',
  'account', 'high');                                                                                   -- #1
select public.ticket_create('Charged twice for Pro',
  'My card shows two charges of 9,99 € for the Pro plan on the same day.', 'billing', 'critical');      -- #2

select set_config('request.jwt.claims', '{"sub":"1300000000000000444","role":"authenticated","app_role":"member","guild_id":"1300000000000000010"}', false);
select public.ticket_create('The bot ignores /shop in #general',
  'Nothing happens when I type `/shop` in #general; it works in #bots.', 'bug', 'medium');              -- #3
select public.ticket_create('Dark mode for the dashboard', 'Could the dashboard get a **dark mode**?',
  'suggestion', 'low');                                                                                 -- #4

select set_config('request.jwt.claims', '{"sub":"1300000000000000222","role":"authenticated","app_role":"agent","guild_id":"1300000000000000010"}', false);
select public.ticket_assign('1', '1300000000000000222');
select public.ticket_reply('1', 'Thanks! Could you try logging out everywhere, then in again?', 'waiting_for_member');
select public.ticket_note('1', 'Probably the session cache bug from last week.');
select public.ticket_reply('2', 'Refunded the duplicate charge; it shows within 5 days.');
select public.ticket_close('2', 'Duplicate charge refunded');
select public.ticket_set_status('4', 'in_progress');

select set_config('request.jwt.claims', '{"sub":"1300000000000000111","role":"authenticated","app_role":"member","guild_id":"1300000000000000010"}', false);
select public.ticket_reply('1', 'Logged out everywhere, still the same message.');

reset role;
select set_config('request.jwt.claims', '', false);
