-- A server's own ticket categories (issue 11 §1, §3): besides the six every server starts with, its
-- admins add categories (a key, French and English labels, an emoji, staff roles, a form, enabled or
-- not), at most 25 per server (the most options a Discord select menu or autocomplete shows), and put
-- them in the order they like. Categories are never deleted: an admin disables one, and its tickets stay.
--
-- Who may do what (unchanged from 20261201010000_server_settings.sql):
--   * the server's admins add and reorder its categories, only through ticket_category_create and
--     ticket_categories_reorder (SECURITY DEFINER), each change written to server_settings_audit;
--   * its staff read them (the policy on ticket_categories), its members see the enabled ones through
--     ticket_category_choices; nobody reads or changes another server's.
--
-- What "a category" means everywhere moves from the six fixed keys to the server's keys:
--   * tickets_private.categories() answers the categories of the JWT's server (the six for a server
--     Maxis has no settings for yet). parse_category (every category filter and ticket_create),
--     staff_categories (the ticket policies) and the statistics read it, so they follow unchanged;
--   * the closed checks on ticket_categories.key and tickets.category become a slug shape, and a
--     trigger holds every ticket to a category of its own server. Existing tickets keep their keys:
--     every server with settings has the six (seeded, never deleted), the others still take the six.

-- A category key: a short lowercase slug, as Discord custom ids and URLs carry it.
create function tickets_private.category_key_ok(p_key text) returns boolean
language sql immutable set search_path = ''
as $$ select coalesce(p_key ~ '^[a-z0-9][a-z0-9-]{0,31}$', false) $$;

-- The six keys every server starts with, in order (what a server without settings takes).
create function tickets_private.default_category_keys() returns text[]
language sql immutable set search_path = ''
as $$ select array(select d.key from tickets_private.default_categories() d order by d.sort_order) $$;

-- The closed lists become shapes. The old checks named the six; the new ones accept any slug, and
-- tickets_private.check_ticket_category (below) says which slugs a server has.
alter table public.ticket_categories drop constraint ticket_categories_key_check;
alter table public.ticket_categories
  add constraint ticket_categories_key_check check (key ~ '^[a-z0-9][a-z0-9-]{0,31}$');
alter table public.tickets drop constraint tickets_category_check;
alter table public.tickets add constraint tickets_category_check check (category ~ '^[a-z0-9][a-z0-9-]{0,31}$') not valid;
alter table public.tickets validate constraint tickets_category_check;

-- Adding and reordering are audited under their own names.
alter table public.server_settings_audit drop constraint server_settings_audit_action_check;
alter table public.server_settings_audit add constraint server_settings_audit_action_check
  check (action in ('created', 'settings_changed', 'category_changed', 'category_added', 'categories_reordered'));

-- The categories of the caller's server (the JWT's guild_id), in their order, enabled or not; the six
-- when the server has none yet (or the caller names no server). Security definer: members cannot read
-- ticket_categories, and the keys alone reveal nothing the server's panels do not show. Was the
-- immutable list of the six (20261124010000_tickets.sql); its callers keep calling it.
create or replace function tickets_private.categories() returns text[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select array_agg(k.key order by k.sort_order, k.key) from public.ticket_categories k
      where k.guild_id = auth.jwt() ->> 'guild_id'),
    tickets_private.default_category_keys())
$$;

-- A ticket's category is one of its server's (any of the six for a server Maxis has no settings for).
create function tickets_private.check_ticket_category() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if exists (select 1 from public.ticket_categories k where k.guild_id = new.guild_id) then
    if not exists (select 1 from public.ticket_categories k where k.guild_id = new.guild_id and k.key = new.category) then
      perform tickets_private.fail('invalid_category', 'This server has no such category.');
    end if;
  elsif not (new.category = any (tickets_private.default_category_keys())) then
    perform tickets_private.fail('invalid_category', 'This server has no such category.');
  end if;
  return new;
end
$$;
create trigger tickets_category_of_its_server before insert or update of category, guild_id on public.tickets
  for each row execute function tickets_private.check_ticket_category();

-- A key from an English label: lowercase ASCII letters and digits, other runs become one hyphen, at
-- most 32 characters; 'category' when nothing is left (a label in another script, or only emoji).
create function tickets_private.category_slug(p_label text) returns text
language sql immutable set search_path = ''
as $$
  select coalesce(nullif(pg_catalog.rtrim(pg_catalog.left(pg_catalog.btrim(pg_catalog.regexp_replace(
    pg_catalog.translate(pg_catalog.lower(coalesce(p_label, '')),
      'àáâãäåçèéêëìíîïñòóôõöùúûüýÿæœß', 'aaaaaaceeeeiiiinooooouuuuyyaos'),
    '[^a-z0-9]+', '-', 'g'), '-'), 32), '-'), ''), 'category')
$$;

-- An admin adds a category to their server. p_category: { key? (a slug; made from labelEn when
-- absent), labelEn, labelFr, emoji?, staffRoleIds?, questions?, enabled? (true) }. It goes last in the
-- order. At most 25 per server; a key is unique per server. One audit row (category_added).
create function public.ticket_category_create(p_category jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  k public.ticket_categories;
  v_unknown text;
  v_key text;
  v_label_en text;
  v_count integer;
  v_next smallint;
  v_suffix integer := 1;
begin
  perform tickets_private.require_admin(c);
  if p_category is null or jsonb_typeof(p_category) <> 'object' then
    perform tickets_private.fail('invalid_settings', 'A new category is a JSON object.');
  end if;
  select x into v_unknown from jsonb_object_keys(p_category) x
   where x not in ('key', 'labelEn', 'labelFr', 'emoji', 'staffRoleIds', 'questions', 'enabled')
   limit 1;
  if v_unknown is not null then
    perform tickets_private.fail('invalid_settings', format('%s is not a category setting.', v_unknown));
  end if;
  if p_category ? 'enabled' and jsonb_typeof(p_category -> 'enabled') <> 'boolean' then
    perform tickets_private.fail('invalid_settings', 'enabled is true or false.');
  end if;
  v_label_en := tickets_private.parse_setting_text(p_category -> 'labelEn', 45, 'label', false);
  if p_category ? 'key' and p_category -> 'key' <> 'null'::jsonb then
    v_key := p_category ->> 'key';
    if jsonb_typeof(p_category -> 'key') <> 'string' or not tickets_private.category_key_ok(v_key) then
      perform tickets_private.fail('invalid_category_key',
        'A category key has 1 to 32 characters: lowercase letters, digits and hyphens, not starting with a hyphen.');
    end if;
  end if;
  -- The server's row, locked: concurrent additions count and number one after the other.
  perform 1 from public.server_settings s where s.guild_id = c.guild_id for update;
  if not found then
    perform tickets_private.fail('server_not_set_up', 'Maxis has not served this server yet.');
  end if;
  select count(*), coalesce(max(x.sort_order) + 1, 0) into v_count, v_next
    from public.ticket_categories x where x.guild_id = c.guild_id;
  if v_count >= 25 then
    perform tickets_private.fail('too_many_categories', 'A server has at most 25 ticket categories; disable one instead.');
  end if;
  if v_key is null then
    v_key := tickets_private.category_slug(v_label_en);
    while exists (select 1 from public.ticket_categories x where x.guild_id = c.guild_id and x.key = v_key) loop
      v_suffix := v_suffix + 1;
      v_key := pg_catalog.rtrim(pg_catalog.left(tickets_private.category_slug(v_label_en), 32 - 1 - char_length(v_suffix::text)), '-')
        || '-' || v_suffix;
    end loop;
  elsif exists (select 1 from public.ticket_categories x where x.guild_id = c.guild_id and x.key = v_key) then
    perform tickets_private.fail('category_exists', format('This server already has a category %s.', v_key));
  end if;
  insert into public.ticket_categories as x
    (guild_id, key, sort_order, label_en, label_fr, emoji, staff_role_ids, questions, enabled)
  values (
    c.guild_id, v_key, least(v_next, 99), v_label_en,
    tickets_private.parse_setting_text(p_category -> 'labelFr', 45, 'label', false),
    tickets_private.parse_setting_text(p_category -> 'emoji', 64, 'emoji', true),
    tickets_private.parse_role_ids(coalesce(p_category -> 'staffRoleIds', '[]'::jsonb)),
    tickets_private.parse_questions(coalesce(p_category -> 'questions', '[]'::jsonb)),
    coalesce((p_category ->> 'enabled')::boolean, true)
  )
  returning x.* into k;
  perform tickets_private.audit_settings(c.guild_id, 'category_added', v_key, null, tickets_private.category_json(k, true));
  return tickets_private.category_json(k, true);
end
$$;

-- An admin puts their server's categories in a new order: p_keys names every category of the server
-- exactly once, first to last. One audit row (categories_reordered) with the order before and after.
create function public.ticket_categories_reorder(p_keys jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_before jsonb;
  v_after jsonb;
begin
  perform tickets_private.require_admin(c);
  if p_keys is null or jsonb_typeof(p_keys) <> 'array'
     or exists (select 1 from jsonb_array_elements(p_keys) e where jsonb_typeof(e) <> 'string') then
    perform tickets_private.fail('invalid_category_order', 'An order is a list of category keys.');
  end if;
  perform 1 from public.server_settings s where s.guild_id = c.guild_id for update;
  if not found then
    perform tickets_private.fail('server_not_set_up', 'Maxis has not served this server yet.');
  end if;
  select jsonb_agg(x.key order by x.sort_order, x.key) into v_before
    from public.ticket_categories x where x.guild_id = c.guild_id;
  if jsonb_array_length(p_keys) <> jsonb_array_length(coalesce(v_before, '[]'::jsonb))
     or (select count(distinct e) from jsonb_array_elements_text(p_keys) e) <> jsonb_array_length(p_keys)
     or not (p_keys <@ coalesce(v_before, '[]'::jsonb)) then
    perform tickets_private.fail('invalid_category_order', 'An order names every category of the server exactly once.');
  end if;
  update public.ticket_categories x set sort_order = (e.n - 1)::smallint
    from jsonb_array_elements_text(p_keys) with ordinality e (key, n)
   where x.guild_id = c.guild_id and x.key = e.key and x.sort_order <> (e.n - 1);
  v_after := p_keys;
  if v_after <> v_before then
    perform tickets_private.audit_settings(c.guild_id, 'categories_reordered', null,
      jsonb_build_object('order', v_before), jsonb_build_object('order', v_after));
  end if;
  return coalesce((
    select jsonb_agg(tickets_private.category_json(x, true) order by x.sort_order, x.key)
      from public.ticket_categories x where x.guild_id = c.guild_id), '[]'::jsonb);
end
$$;

-- Privileges --------------------------------------------------------------------------------------------
revoke all on function
  tickets_private.category_key_ok(text),
  tickets_private.default_category_keys(),
  tickets_private.check_ticket_category(),
  tickets_private.category_slug(text),
  public.ticket_category_create(jsonb),
  public.ticket_categories_reorder(jsonb)
from public, anon, authenticated, service_role;
grant execute on function public.ticket_category_create(jsonb), public.ticket_categories_reorder(jsonb) to authenticated;
-- create or replace keeps the grants of tickets_private.categories() (authenticated).
