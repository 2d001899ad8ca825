-- One Maxis, many servers (issue 11): each Discord server has its own settings and ticket categories.
--
-- Who may do what:
--   * a server's admins (JWT app_role = admin: Administrator or Manage Server in Discord) change them,
--     only through the SECURITY DEFINER functions below, each change written to server_settings_audit;
--   * its staff (agent or admin) read them (RLS on the tables, server_settings_view());
--   * its members read only what opening a ticket needs (ticket_category_choices(): enabled categories,
--     their labels, emoji and questions; never the staff roles or channels);
--   * nobody reads or writes another server's.
-- Maxis creates a server's row the first time it serves it (server_settings_ensure, service_role only),
-- from what the deployment's environment says a new server starts with.
--
-- Staff status itself stays what Maxis puts in the JWT (app_role), now decided from the server's
-- staff_role_ids instead of one environment role; the JWT also carries the member's Discord role ids
-- (`roles`), which the per-category policies read (20261201010100_ticket_category_staff.sql).

-- Ids of Discord objects are snowflakes kept as text; a list of them is text[] of snowflakes.
create function tickets_private.snowflakes_ok(p_ids text[]) returns boolean
language sql immutable set search_path = ''
as $$ select coalesce(pg_catalog.array_to_string(p_ids, ',') ~ '^([0-9]{1,20}(,[0-9]{1,20})*)?$', false) $$;

-- Tables ------------------------------------------------------------------------------------------------

-- One row per Discord server Maxis serves.
create table public.server_settings (
  guild_id text primary key check (guild_id ~ '^[0-9]{1,20}$'),
  -- Holding any of these roles makes a member staff (agent) in this server. Empty: admins only.
  staff_role_ids text[] not null default '{}'
    check (cardinality(staff_role_ids) <= 25 and tickets_private.snowflakes_ok(staff_role_ids)),
  -- Where ticket conversations live (the ticket-threads work uses it).
  support_channel_id text check (support_channel_id ~ '^[0-9]{1,20}$'),
  -- Where new tickets are announced to the team; null: no staff posts.
  staff_channel_id text check (staff_channel_id ~ '^[0-9]{1,20}$'),
  -- Tickets not closed a member may have at once.
  open_ticket_limit integer not null default 5 check (open_ticket_limit between 1 and 50),
  -- Whether members get a DM when staff reply to or close their ticket.
  dm_notifications boolean not null default true,
  -- The language of what Maxis posts for the server as a whole (staff posts, panels).
  default_locale text not null default 'en' check (default_locale in ('en', 'fr')),
  -- The ticket panel (/ticket panel): its texts and where it was last posted, to edit it in place.
  panel_title text check (char_length(panel_title) between 1 and 256),
  panel_text text check (char_length(panel_text) between 1 and 2000),
  panel_channel_id text check (panel_channel_id ~ '^[0-9]{1,20}$'),
  panel_message_id text check (panel_message_id ~ '^[0-9]{1,20}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint server_settings_panel_pair check ((panel_channel_id is null) = (panel_message_id is null))
);
comment on table public.server_settings is
  'Per-server settings. Staff of the server read them; its admins change them through server_settings_update.';

-- The ticket categories of a server: the six keys tickets use, each with its labels, emoji, the staff
-- roles that handle it (empty: every staff member), up to five form questions, and whether members may
-- open tickets in it.
create table public.ticket_categories (
  guild_id text not null references public.server_settings (guild_id),
  key text not null check (key = any (tickets_private.categories())),
  sort_order smallint not null default 0 check (sort_order between 0 and 99),
  label_en text not null check (char_length(label_en) between 1 and 45 and btrim(label_en) <> ''),
  label_fr text not null check (char_length(label_fr) between 1 and 45 and btrim(label_fr) <> ''),
  -- A Unicode emoji (or Discord's <:name:id>), shown on panel buttons.
  emoji text check (char_length(emoji) between 1 and 64),
  staff_role_ids text[] not null default '{}'
    check (cardinality(staff_role_ids) <= 25 and tickets_private.snowflakes_ok(staff_role_ids)),
  -- [{ "label", "placeholder", "style": "short"|"paragraph", "required" }], validated by the functions.
  questions jsonb not null default '[]'::jsonb
    check (jsonb_typeof(questions) = 'array' and jsonb_array_length(questions) <= 5),
  enabled boolean not null default true,
  primary key (guild_id, key)
);
comment on table public.ticket_categories is
  'Per-server ticket categories. Staff read them; admins change them through ticket_category_update; members see enabled ones through ticket_category_choices.';

-- Every change to a server's settings or categories: who, before, after. Append-only.
create table public.server_settings_audit (
  id bigint generated always as identity primary key,
  guild_id text not null,
  action text not null check (action in ('created', 'settings_changed', 'category_changed')),
  category_key text,
  -- Discord id of the admin, or Maxis's system identity (maxis:settings) for a new server.
  actor_id text,
  actor_role text not null,
  -- Changed fields only; before is null when the server was created.
  before jsonb,
  after jsonb not null,
  at timestamptz not null default now()
);
create index server_settings_audit_guild_idx on public.server_settings_audit (guild_id, id);

create trigger server_settings_audit_append_only before update or delete on public.server_settings_audit
  for each row execute function tickets_private.refuse_audit_change();
create trigger server_settings_audit_no_truncate before truncate on public.server_settings_audit
  for each statement execute function tickets_private.refuse_audit_change();

-- Privileges and policies -------------------------------------------------------------------------------
revoke all on public.server_settings, public.ticket_categories, public.server_settings_audit
  from public, anon, authenticated, service_role;
revoke all on sequence public.server_settings_audit_id_seq from public, anon, authenticated, service_role;
grant select on public.server_settings, public.ticket_categories, public.server_settings_audit to authenticated;

alter table public.server_settings enable row level security;
alter table public.ticket_categories enable row level security;
alter table public.server_settings_audit enable row level security;

create policy "staff read their server's settings" on public.server_settings
  for select to authenticated
  using ((select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id'));
create policy "staff read their server's categories" on public.ticket_categories
  for select to authenticated
  using ((select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id'));
create policy "admins read their server's settings history" on public.server_settings_audit
  for select to authenticated
  using ((select auth.jwt() ->> 'app_role') = 'admin' and guild_id = (select auth.jwt() ->> 'guild_id'));
-- No write policy anywhere: writes go through the definer functions only.

-- Helpers ------------------------------------------------------------------------------------------------

create function tickets_private.require_admin(c tickets_private.caller) returns void
language plpgsql immutable set search_path = ''
as $$
begin
  if c.app_role <> 'admin' then
    perform tickets_private.fail('admin_only', 'Only the server''s administrators (Manage Server) may do this.');
  end if;
end
$$;

-- The six categories a new server starts with, in the order of the original notes.
create function tickets_private.default_categories() returns table (
  key text, label_en text, label_fr text, emoji text, sort_order smallint
)
language sql immutable set search_path = ''
as $$
  values ('general', 'General', 'Général', '💬', 0::smallint),
         ('billing', 'Billing', 'Facturation', '💳', 1::smallint),
         ('technical', 'Technical', 'Technique', '🛠️', 2::smallint),
         ('bug', 'Bug report', 'Signaler un bug', '🐛', 3::smallint),
         ('account', 'Account', 'Compte', '👤', 4::smallint),
         ('suggestion', 'Suggestion', 'Suggestion', '💡', 5::smallint)
$$;

create function tickets_private.category_json(k public.ticket_categories, p_with_staff boolean) returns jsonb
language sql immutable set search_path = ''
as $$
  select jsonb_build_object(
    'key', k.key, 'position', k.sort_order, 'labelEn', k.label_en, 'labelFr', k.label_fr, 'emoji', k.emoji,
    'questions', k.questions, 'enabled', k.enabled
  ) || case when p_with_staff then jsonb_build_object('staffRoleIds', to_jsonb(k.staff_role_ids)) else '{}'::jsonb end
$$;

create function tickets_private.settings_json(s public.server_settings) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'guildId', s.guild_id, 'staffRoleIds', to_jsonb(s.staff_role_ids), 'supportChannelId', s.support_channel_id,
    'staffChannelId', s.staff_channel_id, 'openTicketLimit', s.open_ticket_limit,
    'dmNotifications', s.dm_notifications, 'defaultLocale', s.default_locale, 'panelTitle', s.panel_title,
    'panelText', s.panel_text, 'panelChannelId', s.panel_channel_id, 'panelMessageId', s.panel_message_id,
    'updatedAt', s.updated_at,
    'categories', coalesce((
      select jsonb_agg(tickets_private.category_json(k, true) order by k.sort_order, k.key)
        from public.ticket_categories k where k.guild_id = s.guild_id), '[]'::jsonb)
  )
$$;

-- A snowflake or null from a JSON value; p_field names it in the error.
create function tickets_private.parse_snowflake(p_value jsonb, p_field text) returns text
language plpgsql immutable set search_path = ''
as $$
begin
  if p_value is null or p_value = 'null'::jsonb then
    return null;
  end if;
  if jsonb_typeof(p_value) <> 'string' or (p_value #>> '{}') !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('invalid_' || p_field, format('%s is a Discord id or null.', p_field));
  end if;
  return p_value #>> '{}';
end
$$;

-- A list of at most 25 distinct role ids from a JSON array.
create function tickets_private.parse_role_ids(p_value jsonb) returns text[]
language plpgsql immutable set search_path = ''
as $$
declare
  v text[];
begin
  if p_value is null or jsonb_typeof(p_value) <> 'array' or jsonb_array_length(p_value) > 25
     or exists (select 1 from jsonb_array_elements(p_value) e
                 where jsonb_typeof(e) <> 'string' or (e #>> '{}') !~ '^[0-9]{1,20}$') then
    perform tickets_private.fail('invalid_roles', 'Roles are a list of at most 25 Discord role ids.');
  end if;
  select coalesce(array_agg(distinct e #>> '{}' order by e #>> '{}'), '{}') into v
    from jsonb_array_elements(p_value) e;
  return v;
end
$$;

-- Text of 1..p_max characters (trimmed), or null when p_nullable and empty/null.
create function tickets_private.parse_setting_text(p_value jsonb, p_max integer, p_field text, p_nullable boolean)
returns text
language plpgsql immutable set search_path = ''
as $$
declare
  v text;
begin
  if p_value is null or p_value = 'null'::jsonb then
    v := '';
  elsif jsonb_typeof(p_value) <> 'string' then
    perform tickets_private.fail('invalid_' || p_field, format('%s is text.', p_field));
  else
    v := btrim(p_value #>> '{}', E' \t\r\n');
  end if;
  if v = '' then
    if p_nullable then
      return null;
    end if;
    perform tickets_private.fail('invalid_' || p_field, format('%s may not be empty.', p_field));
  end if;
  if char_length(v) > p_max then
    perform tickets_private.fail('invalid_' || p_field,
      format('%s has %s characters; at most %s are allowed.', p_field, char_length(v), p_max));
  end if;
  return v;
end
$$;

-- A category form: at most five questions, each { label 1..45, placeholder 0..100, style, required }.
create function tickets_private.parse_questions(p_value jsonb) returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  q jsonb;
  v jsonb := '[]'::jsonb;
begin
  if p_value is null or jsonb_typeof(p_value) <> 'array' or jsonb_array_length(p_value) > 5 then
    perform tickets_private.fail('invalid_questions', 'A form has at most five questions.');
  end if;
  for q in select e from jsonb_array_elements(p_value) e loop
    if jsonb_typeof(q) <> 'object'
       or coalesce(q ->> 'style', 'short') not in ('short', 'paragraph')
       or jsonb_typeof(coalesce(q -> 'required', 'true'::jsonb)) <> 'boolean' then
      perform tickets_private.fail('invalid_questions',
        'A question is { label, placeholder, style: short | paragraph, required: true | false }.');
    end if;
    v := v || jsonb_build_array(jsonb_build_object(
      'label', tickets_private.parse_setting_text(q -> 'label', 45, 'question_label', false),
      'placeholder', tickets_private.parse_setting_text(q -> 'placeholder', 100, 'question_placeholder', true),
      'style', coalesce(q ->> 'style', 'short'),
      'required', coalesce((q ->> 'required')::boolean, true)
    ));
  end loop;
  return v;
end
$$;

create function tickets_private.audit_settings(
  p_guild_id text, p_action text, p_category text, p_before jsonb, p_after jsonb
) returns void
language sql set search_path = ''
as $$
  insert into public.server_settings_audit (guild_id, action, category_key, actor_id, actor_role, before, after)
  select p_guild_id, p_action, p_category, a.actor_id, a.actor_role, p_before, p_after from tickets_private.actor() a;
$$;

-- The fields of p_new that differ from p_old, as { before, after } (null when nothing changed).
create function tickets_private.changed_fields(p_old jsonb, p_new jsonb) returns jsonb
language sql immutable set search_path = ''
as $$
  select case when count(*) = 0 then null else jsonb_build_object(
    'before', jsonb_object_agg(n.key, p_old -> n.key), 'after', jsonb_object_agg(n.key, n.value)) end
    from jsonb_each(p_new) n where p_old -> n.key is distinct from n.value
$$;

-- Functions ---------------------------------------------------------------------------------------------

-- Maxis, serving a server: its settings, created from p_defaults the first time (with the six default
-- categories). p_defaults: { staffRoleIds, staffChannelId, supportChannelId, defaultLocale }, what the
-- deployment's environment gives a brand-new server. Only Maxis's system identity (service_role) calls it.
create function public.server_settings_ensure(p_guild_id text, p_defaults jsonb default '{}'::jsonb)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  s public.server_settings;
  v_defaults jsonb := coalesce(p_defaults, '{}'::jsonb);
begin
  if coalesce(auth.jwt() ->> 'role', '') <> 'service_role' then
    perform tickets_private.fail('not_authenticated', 'Only Maxis creates a server''s settings.');
  end if;
  if p_guild_id is null or p_guild_id !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('guild_required', 'A guild is a Discord server id.');
  end if;
  select x.* into s from public.server_settings x where x.guild_id = p_guild_id;
  if s.guild_id is null then
    insert into public.server_settings as x (guild_id, staff_role_ids, staff_channel_id, support_channel_id, default_locale)
    values (
      p_guild_id,
      tickets_private.parse_role_ids(coalesce(v_defaults -> 'staffRoleIds', '[]'::jsonb)),
      tickets_private.parse_snowflake(v_defaults -> 'staffChannelId', 'staff_channel'),
      tickets_private.parse_snowflake(v_defaults -> 'supportChannelId', 'support_channel'),
      tickets_private.parse_locale(coalesce(v_defaults ->> 'defaultLocale', 'en'))
    )
    on conflict (guild_id) do nothing
    returning x.* into s;
    if s.guild_id is null then
      -- Created meanwhile by a concurrent first interaction.
      select x.* into s from public.server_settings x where x.guild_id = p_guild_id;
    else
      insert into public.ticket_categories (guild_id, key, sort_order, label_en, label_fr, emoji)
      select p_guild_id, d.key, d.sort_order, d.label_en, d.label_fr, d.emoji from tickets_private.default_categories() d;
      perform tickets_private.audit_settings(p_guild_id, 'created', null, null, tickets_private.settings_json(s));
    end if;
  end if;
  return tickets_private.settings_json(s);
end
$$;

-- The caller's server's settings and categories (staff only), or server_not_set_up.
create function public.server_settings_view() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  s public.server_settings;
begin
  perform tickets_private.require_staff(c);
  select x.* into s from public.server_settings x where x.guild_id = c.guild_id;
  if s.guild_id is null then
    perform tickets_private.fail('server_not_set_up', 'Maxis has not served this server yet.');
  end if;
  return tickets_private.settings_json(s);
end
$$;

-- An admin changes some of their server's settings. p_changes names only what changes:
--   staffRoleIds, supportChannelId, staffChannelId, openTicketLimit, dmNotifications, defaultLocale,
--   panelTitle, panelText. Unknown keys are refused. One audit row with the changed fields.
create function public.server_settings_update(p_changes jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  s public.server_settings;
  v_unknown text;
  v_old jsonb;
  v_diff jsonb;
begin
  perform tickets_private.require_admin(c);
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' then
    perform tickets_private.fail('invalid_settings', 'Settings changes are a JSON object.');
  end if;
  select k into v_unknown from jsonb_object_keys(p_changes) k
   where k not in ('staffRoleIds', 'supportChannelId', 'staffChannelId', 'openTicketLimit', 'dmNotifications',
                   'defaultLocale', 'panelTitle', 'panelText')
   limit 1;
  if v_unknown is not null then
    perform tickets_private.fail('invalid_settings', format('%s is not a setting.', v_unknown));
  end if;
  if p_changes ? 'openTicketLimit' and (jsonb_typeof(p_changes -> 'openTicketLimit') <> 'number'
       or (p_changes ->> 'openTicketLimit') !~ '^[0-9]{1,2}$'
       or (p_changes ->> 'openTicketLimit')::integer not between 1 and 50) then
    perform tickets_private.fail('invalid_open_ticket_limit', 'The open-ticket limit is a whole number from 1 to 50.');
  end if;
  if p_changes ? 'dmNotifications' and jsonb_typeof(p_changes -> 'dmNotifications') <> 'boolean' then
    perform tickets_private.fail('invalid_dm_notifications', 'DM notifications are true or false.');
  end if;
  select x.* into s from public.server_settings x where x.guild_id = c.guild_id for update;
  if s.guild_id is null then
    perform tickets_private.fail('server_not_set_up', 'Maxis has not served this server yet.');
  end if;
  v_old := tickets_private.settings_json(s) - 'categories' - 'updatedAt';
  update public.server_settings x set
    staff_role_ids = case when p_changes ? 'staffRoleIds'
      then tickets_private.parse_role_ids(p_changes -> 'staffRoleIds') else x.staff_role_ids end,
    support_channel_id = case when p_changes ? 'supportChannelId'
      then tickets_private.parse_snowflake(p_changes -> 'supportChannelId', 'support_channel') else x.support_channel_id end,
    staff_channel_id = case when p_changes ? 'staffChannelId'
      then tickets_private.parse_snowflake(p_changes -> 'staffChannelId', 'staff_channel') else x.staff_channel_id end,
    open_ticket_limit = case when p_changes ? 'openTicketLimit'
      then (p_changes ->> 'openTicketLimit')::integer else x.open_ticket_limit end,
    dm_notifications = case when p_changes ? 'dmNotifications'
      then (p_changes ->> 'dmNotifications')::boolean else x.dm_notifications end,
    default_locale = case when p_changes ? 'defaultLocale'
      then tickets_private.parse_locale(p_changes ->> 'defaultLocale') else x.default_locale end,
    panel_title = case when p_changes ? 'panelTitle'
      then tickets_private.parse_setting_text(p_changes -> 'panelTitle', 256, 'panel_title', true) else x.panel_title end,
    panel_text = case when p_changes ? 'panelText'
      then tickets_private.parse_setting_text(p_changes -> 'panelText', 2000, 'panel_text', true) else x.panel_text end,
    updated_at = now()
  where x.guild_id = c.guild_id
  returning x.* into s;
  v_diff := tickets_private.changed_fields(v_old, tickets_private.settings_json(s) - 'categories' - 'updatedAt');
  if v_diff is not null then
    perform tickets_private.audit_settings(c.guild_id, 'settings_changed', null, v_diff -> 'before', v_diff -> 'after');
  end if;
  return tickets_private.settings_json(s);
end
$$;

-- An admin changes one category of their server. p_changes: labelEn, labelFr, emoji, staffRoleIds,
-- questions, enabled, position. One audit row with the changed fields.
create function public.ticket_category_update(p_key text, p_changes jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  k public.ticket_categories;
  v_unknown text;
  v_old jsonb;
  v_diff jsonb;
begin
  perform tickets_private.require_admin(c);
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' then
    perform tickets_private.fail('invalid_settings', 'Category changes are a JSON object.');
  end if;
  select x into v_unknown from jsonb_object_keys(p_changes) x
   where x not in ('labelEn', 'labelFr', 'emoji', 'staffRoleIds', 'questions', 'enabled', 'position')
   limit 1;
  if v_unknown is not null then
    perform tickets_private.fail('invalid_settings', format('%s is not a category setting.', v_unknown));
  end if;
  if p_changes ? 'enabled' and jsonb_typeof(p_changes -> 'enabled') <> 'boolean' then
    perform tickets_private.fail('invalid_settings', 'enabled is true or false.');
  end if;
  if p_changes ? 'position' and ((p_changes ->> 'position') !~ '^[0-9]{1,2}$' or jsonb_typeof(p_changes -> 'position') <> 'number') then
    perform tickets_private.fail('invalid_settings', 'position is a whole number from 0 to 99.');
  end if;
  select x.* into k from public.ticket_categories x where x.guild_id = c.guild_id and x.key = p_key for update;
  if k.key is null then
    perform tickets_private.fail('invalid_category', 'This server has no such category.');
  end if;
  v_old := tickets_private.category_json(k, true);
  update public.ticket_categories x set
    label_en = case when p_changes ? 'labelEn'
      then tickets_private.parse_setting_text(p_changes -> 'labelEn', 45, 'label', false) else x.label_en end,
    label_fr = case when p_changes ? 'labelFr'
      then tickets_private.parse_setting_text(p_changes -> 'labelFr', 45, 'label', false) else x.label_fr end,
    emoji = case when p_changes ? 'emoji'
      then tickets_private.parse_setting_text(p_changes -> 'emoji', 64, 'emoji', true) else x.emoji end,
    staff_role_ids = case when p_changes ? 'staffRoleIds'
      then tickets_private.parse_role_ids(p_changes -> 'staffRoleIds') else x.staff_role_ids end,
    questions = case when p_changes ? 'questions'
      then tickets_private.parse_questions(p_changes -> 'questions') else x.questions end,
    enabled = case when p_changes ? 'enabled' then (p_changes ->> 'enabled')::boolean else x.enabled end,
    sort_order = case when p_changes ? 'position' then (p_changes ->> 'position')::smallint else x.sort_order end
  where x.guild_id = c.guild_id and x.key = p_key
  returning x.* into k;
  v_diff := tickets_private.changed_fields(v_old, tickets_private.category_json(k, true));
  if v_diff is not null then
    perform tickets_private.audit_settings(c.guild_id, 'category_changed', p_key, v_diff -> 'before', v_diff -> 'after');
  end if;
  return tickets_private.category_json(k, true);
end
$$;

-- What a member of the caller's server needs to open a ticket: the enabled categories, in order, with
-- their labels, emoji and questions (not who handles them), and the panel's texts.
create function public.ticket_category_choices() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  s public.server_settings;
begin
  select x.* into s from public.server_settings x where x.guild_id = c.guild_id;
  return jsonb_build_object(
    'panelTitle', s.panel_title, 'panelText', s.panel_text, 'openTicketLimit', coalesce(s.open_ticket_limit, 5),
    'categories', coalesce((
      select jsonb_agg(tickets_private.category_json(k, false) order by k.sort_order, k.key)
        from public.ticket_categories k where k.guild_id = c.guild_id and k.enabled), '[]'::jsonb)
  );
end
$$;

-- Privileges --------------------------------------------------------------------------------------------
revoke all on function
  tickets_private.snowflakes_ok(text[]),
  tickets_private.require_admin(tickets_private.caller),
  tickets_private.default_categories(),
  tickets_private.category_json(public.ticket_categories, boolean),
  tickets_private.settings_json(public.server_settings),
  tickets_private.parse_snowflake(jsonb, text),
  tickets_private.parse_role_ids(jsonb),
  tickets_private.parse_setting_text(jsonb, integer, text, boolean),
  tickets_private.parse_questions(jsonb),
  tickets_private.audit_settings(text, text, text, jsonb, jsonb),
  tickets_private.changed_fields(jsonb, jsonb),
  public.server_settings_ensure(text, jsonb),
  public.server_settings_view(),
  public.server_settings_update(jsonb),
  public.ticket_category_update(text, jsonb),
  public.ticket_category_choices()
from public, anon, authenticated, service_role;
-- server_settings_view is SECURITY INVOKER: it shapes its JSON as the staff member.
grant execute on function
  tickets_private.category_json(public.ticket_categories, boolean),
  tickets_private.settings_json(public.server_settings)
to authenticated;
grant execute on function public.server_settings_view(), public.server_settings_update(jsonb),
  public.ticket_category_update(text, jsonb), public.ticket_category_choices() to authenticated;
grant execute on function public.server_settings_ensure(text, jsonb) to service_role;
