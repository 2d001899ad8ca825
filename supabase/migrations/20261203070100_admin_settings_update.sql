-- One shape for an admin's settings change. server_settings_update, server_automation_update,
-- server_sla_update and server_settings_record_panel each required a server admin, refused unknown
-- keys, checked (or locked) the server's settings row, compared before and after and wrote the changed
-- fields to server_settings_audit, each with its own copy of those steps. They now share three helpers:
--   * tickets_private.require_admin_changes: a server admin, and p_changes an object of known keys;
--   * tickets_private.server_settings_for_update: the server's settings row, locked (for no key
--     update: concurrent admin changes of one server queue, ticket writes that only reference the row
--     do not), or server_not_set_up;
--   * tickets_private.audit_settings_change: the changed fields as one 'settings_changed' audit row,
--     under a section name when given ("automation", "sla"); returns whether anything changed.
-- Redefined here (validation, effects, errors and audit rows unchanged; server_automation_update and
-- server_sla_update now also lock the settings row they only checked): public.server_settings_update,
-- public.server_automation_update, public.server_sla_update, public.server_settings_record_panel.
-- ticket_category_update keeps its own shape (category functions are being reworked separately);
-- the snippet functions write their own audit table (ticket_snippet_audit) and already share
-- tickets_private.audit_snippet.

-- The caller is an admin of their server, and p_changes is a JSON object naming only p_allowed keys.
create function tickets_private.require_admin_changes(c tickets_private.caller, p_changes jsonb, p_allowed text[])
returns void
language plpgsql stable set search_path = ''
as $$
declare
  v_unknown text;
begin
  perform tickets_private.require_admin(c);
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' then
    perform tickets_private.fail('invalid_settings', 'Settings changes are a JSON object.');
  end if;
  select k into v_unknown from jsonb_object_keys(p_changes) k where not (k = any (p_allowed)) limit 1;
  if v_unknown is not null then
    perform tickets_private.fail('invalid_settings', format('%s is not a setting.', v_unknown));
  end if;
end
$$;

-- The server's settings row, locked until the change commits; server_not_set_up when Maxis has not
-- served the server yet.
create function tickets_private.server_settings_for_update(p_guild_id text) returns public.server_settings
language plpgsql volatile set search_path = ''
as $$
declare
  s public.server_settings;
begin
  select x.* into s from public.server_settings x where x.guild_id = p_guild_id for no key update;
  if s.guild_id is null then
    perform tickets_private.fail('server_not_set_up', 'Maxis has not served this server yet.');
  end if;
  return s;
end
$$;

-- Writes the fields of p_new that differ from p_old as one 'settings_changed' row of
-- server_settings_audit, wrapped as { <p_section>: … } when p_section is given. Returns whether
-- anything changed (nothing written otherwise).
create function tickets_private.audit_settings_change(p_guild_id text, p_old jsonb, p_new jsonb,
                                                      p_section text default null) returns boolean
language plpgsql volatile set search_path = ''
as $$
declare
  v_diff jsonb := tickets_private.changed_fields(p_old, p_new);
begin
  if v_diff is null then
    return false;
  end if;
  perform tickets_private.audit_settings(p_guild_id, 'settings_changed', null,
    case when p_section is null then v_diff -> 'before' else jsonb_build_object(p_section, v_diff -> 'before') end,
    case when p_section is null then v_diff -> 'after' else jsonb_build_object(p_section, v_diff -> 'after') end);
  return true;
end
$$;

revoke all on function tickets_private.require_admin_changes(tickets_private.caller, jsonb, text[]),
  tickets_private.server_settings_for_update(text), tickets_private.audit_settings_change(text, jsonb, jsonb, text)
  from public, anon, authenticated, service_role;

-- An admin changes some of their server's settings. p_changes names only what changes:
--   staffRoleIds, supportChannelId, staffChannelId, openTicketLimit, dmNotifications, defaultLocale,
--   panelTitle, panelText. Unknown keys are refused. One audit row with the changed fields.
create or replace function public.server_settings_update(p_changes jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  s public.server_settings;
  v_old jsonb;
begin
  perform tickets_private.require_admin_changes(c, p_changes, array[
    'staffRoleIds', 'supportChannelId', 'staffChannelId', 'openTicketLimit', 'dmNotifications', 'defaultLocale',
    'panelTitle', 'panelText']);
  if p_changes ? 'openTicketLimit' and (jsonb_typeof(p_changes -> 'openTicketLimit') <> 'number'
       or (p_changes ->> 'openTicketLimit') !~ '^[0-9]{1,2}$'
       or (p_changes ->> 'openTicketLimit')::integer not between 1 and 50) then
    perform tickets_private.fail('invalid_open_ticket_limit', 'The open-ticket limit is a whole number from 1 to 50.');
  end if;
  if p_changes ? 'dmNotifications' and jsonb_typeof(p_changes -> 'dmNotifications') <> 'boolean' then
    perform tickets_private.fail('invalid_dm_notifications', 'DM notifications are true or false.');
  end if;
  s := tickets_private.server_settings_for_update(c.guild_id);
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
  perform tickets_private.audit_settings_change(c.guild_id, v_old,
    tickets_private.settings_json(s) - 'categories' - 'updatedAt');
  return tickets_private.settings_json(s);
end
$$;

-- An admin changes some automation settings: autoCloseEnabled, inactivityHours, warningHours,
-- closeRequestHours, ratingsEnabled. One server_settings_audit row ('settings_changed') with the
-- changed fields under "automation". Turning auto-close on starts the clock for the tickets already
-- waiting for their member (their last public message is from staff, or their status says so); turning
-- it off drops the warnings and closes not yet made; a new delay moves the warnings not yet made.
create or replace function public.server_automation_update(p_changes jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  a public.server_automation;
  v_old public.server_automation;
  v_key text;
begin
  perform tickets_private.require_admin_changes(c, p_changes, array[
    'autoCloseEnabled', 'inactivityHours', 'warningHours', 'closeRequestHours', 'ratingsEnabled']);
  foreach v_key in array array['autoCloseEnabled', 'ratingsEnabled'] loop
    if p_changes ? v_key and jsonb_typeof(p_changes -> v_key) <> 'boolean' then
      perform tickets_private.fail('invalid_settings', format('%s is true or false.', v_key));
    end if;
  end loop;
  if p_changes ? 'inactivityHours' and (jsonb_typeof(p_changes -> 'inactivityHours') <> 'number'
       or (p_changes ->> 'inactivityHours') !~ '^[0-9]{1,3}$'
       or (p_changes ->> 'inactivityHours')::integer not between 1 and 720) then
    perform tickets_private.fail('invalid_inactivity_hours', 'The inactivity delay is a whole number of hours from 1 to 720.');
  end if;
  foreach v_key in array array['warningHours', 'closeRequestHours'] loop
    if p_changes ? v_key and (jsonb_typeof(p_changes -> v_key) <> 'number'
         or (p_changes ->> v_key) !~ '^[0-9]{1,3}$' or (p_changes ->> v_key)::integer not between 1 and 168) then
      perform tickets_private.fail('invalid_' || case v_key when 'warningHours' then 'warning_hours'
                                                            else 'close_request_hours' end,
        format('%s is a whole number of hours from 1 to 168.', v_key));
    end if;
  end loop;
  perform tickets_private.server_settings_for_update(c.guild_id);
  v_old := tickets_private.automation_of(c.guild_id);
  insert into public.server_automation as x (guild_id) values (c.guild_id) on conflict (guild_id) do nothing;
  update public.server_automation x set
    auto_close_enabled = coalesce((p_changes ->> 'autoCloseEnabled')::boolean, x.auto_close_enabled),
    inactivity_hours = coalesce((p_changes ->> 'inactivityHours')::integer, x.inactivity_hours),
    warning_hours = coalesce((p_changes ->> 'warningHours')::integer, x.warning_hours),
    close_request_hours = coalesce((p_changes ->> 'closeRequestHours')::integer, x.close_request_hours),
    ratings_enabled = coalesce((p_changes ->> 'ratingsEnabled')::boolean, x.ratings_enabled),
    updated_at = now()
  where x.guild_id = c.guild_id
  returning x.* into a;

  if a.auto_close_enabled and not v_old.auto_close_enabled then
    insert into public.ticket_automation_jobs (ticket_id, guild_id, kind, next_attempt_at)
    select t.id, t.guild_id, 'inactivity_warning',
           coalesce(m.created_at, t.last_activity_at) + make_interval(hours => a.inactivity_hours)
      from public.tickets t
      left join lateral (
        select mm.created_at, mm.author_id, mm.from_staff from public.ticket_messages mm
         where mm.ticket_id = t.id and not mm.is_internal order by mm.id desc limit 1
      ) m on true
     where t.guild_id = c.guild_id and t.status <> 'closed'
       and (t.status = 'waiting_for_member' or (m.from_staff and m.author_id <> t.owner_id))
    on conflict (ticket_id, kind) do nothing;
  elsif not a.auto_close_enabled and v_old.auto_close_enabled then
    delete from public.ticket_automation_jobs j
     where j.guild_id = c.guild_id and j.kind in ('inactivity_warning', 'inactivity_close') and j.applied_at is null;
  elsif a.inactivity_hours <> v_old.inactivity_hours then
    update public.ticket_automation_jobs j
       set next_attempt_at = j.next_attempt_at + make_interval(hours => a.inactivity_hours - v_old.inactivity_hours)
     where j.guild_id = c.guild_id and j.kind = 'inactivity_warning' and j.applied_at is null;
  end if;

  perform tickets_private.audit_settings_change(c.guild_id, tickets_private.automation_json(v_old),
    tickets_private.automation_json(a), 'automation');
  return tickets_private.automation_json(a);
end
$$;

-- An admin changes some of their server's SLA settings. p_changes names only what changes: enabled,
-- timeZone, weeklyHours (null: 24/7), holidays, targets, warnPercent, onCallRoleId. Unknown keys are
-- refused. One audit row with the changed fields; every open ticket's due times are recomputed.
create or replace function public.server_sla_update(p_changes jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  s public.server_sla;
  v_old jsonb;
  v_new jsonb;
  v_day text;
begin
  perform tickets_private.require_admin_changes(c, p_changes, array[
    'enabled', 'timeZone', 'weeklyHours', 'holidays', 'targets', 'warnPercent', 'onCallRoleId']);
  perform tickets_private.server_settings_for_update(c.guild_id);
  if p_changes ? 'enabled' and jsonb_typeof(p_changes -> 'enabled') <> 'boolean' then
    perform tickets_private.fail('invalid_settings', 'enabled is true or false.');
  end if;
  if p_changes ? 'timeZone' and (jsonb_typeof(p_changes -> 'timeZone') <> 'string'
       or not exists (select 1 from pg_catalog.pg_timezone_names z where z.name = p_changes ->> 'timeZone')) then
    perform tickets_private.fail('invalid_time_zone', 'A time zone is an IANA name such as Europe/Paris.');
  end if;
  if p_changes ? 'holidays' and (jsonb_typeof(p_changes -> 'holidays') <> 'array'
       or jsonb_array_length(p_changes -> 'holidays') > 100
       or exists (select 1 from jsonb_array_elements(p_changes -> 'holidays') e
                   where jsonb_typeof(e) <> 'string' or (e #>> '{}') !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')) then
    perform tickets_private.fail('invalid_holidays', 'Holidays are at most 100 dates written YYYY-MM-DD.');
  end if;
  if p_changes ? 'holidays' then
    for v_day in select e #>> '{}' from jsonb_array_elements(p_changes -> 'holidays') e loop
      begin
        perform v_day::date;
      exception when others then
        perform tickets_private.fail('invalid_holidays', format('%s is not a date.', v_day));
      end;
    end loop;
  end if;
  if p_changes ? 'warnPercent' and (jsonb_typeof(p_changes -> 'warnPercent') <> 'number'
       or (p_changes ->> 'warnPercent') !~ '^[0-9]{2}$' or (p_changes ->> 'warnPercent')::integer not between 50 and 99) then
    perform tickets_private.fail('invalid_warn_percent', 'The warning comes when 50 to 99 % of a target has elapsed.');
  end if;

  s := tickets_private.sla_settings_of(c.guild_id);
  v_old := tickets_private.sla_json(s);
  insert into public.server_sla as x (guild_id, enabled, time_zone, weekly_hours, holidays, targets, warn_percent,
                                      on_call_role_id, updated_at)
  values (
    c.guild_id,
    case when p_changes ? 'enabled' then (p_changes ->> 'enabled')::boolean else s.enabled end,
    case when p_changes ? 'timeZone' then p_changes ->> 'timeZone' else s.time_zone end,
    case when p_changes ? 'weeklyHours' then tickets_private.parse_weekly_hours(p_changes -> 'weeklyHours') else s.weekly_hours end,
    case when p_changes ? 'holidays'
      then (select coalesce(array_agg(distinct (e #>> '{}')::date order by (e #>> '{}')::date), '{}')
              from jsonb_array_elements(p_changes -> 'holidays') e)
      else s.holidays end,
    case when p_changes ? 'targets' then tickets_private.parse_sla_targets(p_changes -> 'targets') else s.targets end,
    case when p_changes ? 'warnPercent' then (p_changes ->> 'warnPercent')::smallint else s.warn_percent end,
    case when p_changes ? 'onCallRoleId' then tickets_private.parse_snowflake(p_changes -> 'onCallRoleId', 'on_call_role')
      else s.on_call_role_id end,
    now()
  )
  on conflict (guild_id) do update set
    enabled = excluded.enabled, time_zone = excluded.time_zone, weekly_hours = excluded.weekly_hours,
    holidays = excluded.holidays, targets = excluded.targets, warn_percent = excluded.warn_percent,
    on_call_role_id = excluded.on_call_role_id, updated_at = excluded.updated_at
  returning x.* into s;
  v_new := tickets_private.sla_json(s);
  if tickets_private.audit_settings_change(c.guild_id, v_old, v_new, 'sla') then
    perform tickets_private.sla_refresh_guild(c.guild_id);
  end if;
  return v_new;
end
$$;

-- An admin's Maxis records where it posted (or re-posted) the server's ticket panel. Both null forgets it.
create or replace function public.server_settings_record_panel(p_channel_id text, p_message_id text) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  s public.server_settings;
  v_old jsonb;
begin
  perform tickets_private.require_admin(c);
  if (p_channel_id is null) <> (p_message_id is null)
     or coalesce(p_channel_id, '0') !~ '^[0-9]{1,20}$' or coalesce(p_message_id, '0') !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('invalid_panel', 'A panel is a channel id and a message id (or neither).');
  end if;
  s := tickets_private.server_settings_for_update(c.guild_id);
  v_old := jsonb_build_object('panelChannelId', s.panel_channel_id, 'panelMessageId', s.panel_message_id);
  update public.server_settings x
     set panel_channel_id = p_channel_id, panel_message_id = p_message_id, updated_at = now()
   where x.guild_id = c.guild_id
  returning x.* into s;
  perform tickets_private.audit_settings_change(c.guild_id, v_old,
    jsonb_build_object('panelChannelId', s.panel_channel_id, 'panelMessageId', s.panel_message_id));
  return tickets_private.settings_json(s);
end
$$;
