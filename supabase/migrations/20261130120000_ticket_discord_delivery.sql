-- What Discord did with a ticket, kept on the ticket (issue 10, section 4):
--   * its post in the staff channel (channel and message id), so Maxis can edit that post after every
--     change of assignee, status, priority, close and reopen, wherever the change came from;
--   * the last DM to the owner that Discord refused to deliver (their DMs closed: HTTP 403), so staff
--     see on the ticket, in the dashboard and on the staff post, that the member was not told.
--
-- Who writes these columns: Maxis's notifier only, after Discord answered, through the three
-- functions below. They run as SECURITY DEFINER with `search_path = ''`, and only `service_role` may
-- execute them: Maxis calls them with a short-lived service_role JWT whose `sub` is `maxis:notify`,
-- minted in-process and never from member input. No API role may write the columns directly: the
-- tickets_40_discord_columns trigger refuses it whatever the table's grants and policies say. (A
-- member able to point their ticket's "staff post" at another message would make Maxis overwrite it.)
-- These are bookkeeping about Discord, not changes to the ticket: they neither bump updated_at nor
-- write audit rows.

alter table public.tickets
  add column staff_post_channel_id text check (staff_post_channel_id ~ '^[0-9]{1,20}$'),
  add column staff_post_message_id text check (staff_post_message_id ~ '^[0-9]{1,20}$'),
  -- The post speaks the server's language, whoever later edits it (the dashboard has no server locale).
  add column staff_post_locale text check (staff_post_locale in ('en', 'fr')),
  add column dm_failed_at timestamptz,
  add column dm_failure text check (dm_failure in ('dms_closed', 'discord_error')),
  add constraint tickets_staff_post_pair
    check ((staff_post_channel_id is null) = (staff_post_message_id is null)
           and (staff_post_message_id is null) = (staff_post_locale is null)),
  add constraint tickets_dm_failure_pair check ((dm_failed_at is null) = (dm_failure is null));
comment on column public.tickets.staff_post_message_id is
  'The ticket''s post in the staff channel (with staff_post_channel_id), edited on every change. Written by ticket_record_staff_post only.';
comment on column public.tickets.dm_failure is
  'Why Discord refused the last DM to the owner (dms_closed | discord_error), since dm_failed_at; null once a DM gets through. Written by ticket_record_dm only.';

-- API roles never set these columns, on insert or update; the notifier's functions (as the owner) do.
-- When only these columns change, updated_at keeps its value: Discord bookkeeping is not an edit.
create function tickets_private.guard_discord_columns() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    if current_user in ('anon', 'authenticated', 'service_role') and (
         new.staff_post_channel_id is not null or new.staff_post_message_id is not null
         or new.staff_post_locale is not null or new.dm_failed_at is not null or new.dm_failure is not null) then
      raise exception using errcode = '42501', message = 'Discord delivery columns are set by Maxis only';
    end if;
    return new;
  end if;
  if new.staff_post_channel_id is not distinct from old.staff_post_channel_id
     and new.staff_post_message_id is not distinct from old.staff_post_message_id
     and new.staff_post_locale is not distinct from old.staff_post_locale
     and new.dm_failed_at is not distinct from old.dm_failed_at
     and new.dm_failure is not distinct from old.dm_failure then
    return new;
  end if;
  if current_user in ('anon', 'authenticated', 'service_role') then
    raise exception using errcode = '42501', message = 'Discord delivery columns are set by Maxis only';
  end if;
  if (to_jsonb(new) - array['updated_at', 'staff_post_channel_id', 'staff_post_message_id', 'staff_post_locale',
                              'dm_failed_at', 'dm_failure'])
     = (to_jsonb(old) - array['updated_at', 'staff_post_channel_id', 'staff_post_message_id', 'staff_post_locale',
                              'dm_failed_at', 'dm_failure']) then
    new.updated_at := old.updated_at;
  end if;
  return new;
end
$$;

create trigger tickets_40_discord_columns before insert or update on public.tickets
  for each row execute function tickets_private.guard_discord_columns();

-- The audit trail records changes to the ticket, not Discord bookkeeping: same function as in
-- 20261124010000_tickets.sql, with the new columns left out of the comparison.
create or replace function tickets_private.audit_ticket() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_old jsonb;
  v_new jsonb;
  v_before jsonb;
  v_after jsonb;
  v_action text;
  v_discord text[] := array['staff_post_channel_id', 'staff_post_message_id', 'staff_post_locale',
                            'dm_failed_at', 'dm_failure'];
  v_ignored text[] := array['updated_at', 'last_activity_at'] || v_discord;
begin
  if tg_op = 'INSERT' then
    v_action := 'created';
    v_after := to_jsonb(new) - v_discord;
  else
    v_old := to_jsonb(old) - v_ignored;
    v_new := to_jsonb(new) - v_ignored;
    select jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, v_new -> o.key)
      into v_before, v_after
      from jsonb_each(v_old) o
     where v_new -> o.key is distinct from o.value;
    if v_before is null then
      return null;
    end if;
    v_action := case
      when new.status <> old.status then
        case when new.status = 'closed' then 'closed' when old.status = 'closed' then 'reopened' else 'status_changed' end
      when new.assignee_id is distinct from old.assignee_id then
        case when new.assignee_id is null then 'unassigned' else 'assigned' end
      when new.priority <> old.priority then 'priority_changed'
      when old.first_staff_response_at is null and new.first_staff_response_at is not null then 'first_response'
      else 'updated'
    end;
  end if;
  insert into public.ticket_audit (guild_id, ticket_id, ticket_number, action, actor_id, actor_role, before, after)
  select new.guild_id, new.id, new.number, v_action, a.actor_id, a.actor_role, v_before, v_after
    from tickets_private.actor() a;
  return null;
end
$$;

-- Every ticket the functions return says where its staff post is and whether the last DM failed.
create or replace function tickets_private.ticket_json(t public.tickets, p_with_description boolean default false)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object(
    'number', t.number, 'guildId', t.guild_id, 'subject', t.subject, 'category', t.category,
    'priority', t.priority, 'status', t.status, 'ownerId', t.owner_id, 'ownerLocale', t.owner_locale,
    'assigneeId', t.assignee_id, 'createdAt', t.created_at, 'updatedAt', t.updated_at,
    'lastActivityAt', t.last_activity_at, 'firstStaffResponseAt', t.first_staff_response_at,
    'closedAt', t.closed_at, 'closedBy', t.closed_by, 'closeReason', t.close_reason,
    'staffPost', case when t.staff_post_message_id is not null then
      jsonb_build_object('channelId', t.staff_post_channel_id, 'messageId', t.staff_post_message_id,
                         'locale', t.staff_post_locale) end,
    'dmFailure', case when t.dm_failure is not null then
      jsonb_build_object('reason', t.dm_failure, 'at', t.dm_failed_at) end
  ) || case when p_with_description then jsonb_build_object('description', t.description) else '{}'::jsonb end
$$;

-- The notifier's functions ---------------------------------------------------------------------------------

-- Refuses anyone but Maxis's notifier identity (a service_role JWT), on top of the EXECUTE grants.
create function tickets_private.require_notifier() returns void
language plpgsql stable set search_path = ''
as $$
begin
  if coalesce(auth.jwt() ->> 'role', '') <> 'service_role' then
    perform tickets_private.fail('not_authenticated', 'Only Maxis records what Discord did with a ticket.');
  end if;
end
$$;

-- Ticket #p_number of server p_guild_id, locked, or ticket_not_found.
create function tickets_private.ticket_of_guild(p_guild_id text, p_number integer) returns public.tickets
language plpgsql set search_path = ''
as $$
declare
  v public.tickets;
begin
  if p_guild_id is null or p_guild_id !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('guild_required', 'A guild is a Discord server id.');
  end if;
  select t.* into v from public.tickets t where t.guild_id = p_guild_id and t.number = p_number for update;
  if v.id is null then
    perform tickets_private.fail('ticket_not_found', 'There is no such ticket in this server.');
  end if;
  return v;
end
$$;

-- Maxis posted the ticket in the staff channel: remember where, so later changes edit that post.
create function public.ticket_record_staff_post(
  p_guild_id text,
  p_number integer,
  p_channel_id text,
  p_message_id text,
  p_locale text
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  t public.tickets;
begin
  perform tickets_private.require_notifier();
  if p_channel_id is null or p_channel_id !~ '^[0-9]{1,20}$'
     or p_message_id is null or p_message_id !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('invalid_ticket_number', 'A staff post is a channel id and a message id.');
  end if;
  t := tickets_private.ticket_of_guild(p_guild_id, p_number);
  update public.tickets u
     set staff_post_channel_id = p_channel_id, staff_post_message_id = p_message_id,
         staff_post_locale = tickets_private.parse_locale(p_locale)
   where u.id = t.id returning * into t;
  return tickets_private.ticket_json(t, true);
end
$$;

-- What Discord did with the last DM to the owner: p_failure null when it was delivered, else why it was
-- refused. Returns the ticket (with its description, for redrawing the staff post) and whether the
-- recorded state changed.
create function public.ticket_record_dm(p_guild_id text, p_number integer, p_failure text default null)
returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  t public.tickets;
  v_changed boolean;
begin
  perform tickets_private.require_notifier();
  if p_failure is not null and p_failure not in ('dms_closed', 'discord_error') then
    perform tickets_private.fail('invalid_status', 'A DM failure is dms_closed or discord_error.');
  end if;
  t := tickets_private.ticket_of_guild(p_guild_id, p_number);
  v_changed := t.dm_failure is distinct from p_failure or p_failure is not null;
  if v_changed then
    update public.tickets u
       set dm_failure = p_failure, dm_failed_at = case when p_failure is not null then now() end
     where u.id = t.id returning * into t;
  end if;
  return jsonb_build_object('ticket', tickets_private.ticket_json(t, true), 'changed', v_changed);
end
$$;

-- The ticket as its staff post shows it (description included), read when a change elsewhere means
-- the post must be redrawn.
create function public.ticket_staff_post(p_guild_id text, p_number integer) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  t public.tickets;
begin
  perform tickets_private.require_notifier();
  if p_guild_id is null or p_guild_id !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('guild_required', 'A guild is a Discord server id.');
  end if;
  select x.* into t from public.tickets x where x.guild_id = p_guild_id and x.number = p_number;
  if t.id is null then
    perform tickets_private.fail('ticket_not_found', 'There is no such ticket in this server.');
  end if;
  return tickets_private.ticket_json(t, true);
end
$$;

revoke all on function tickets_private.guard_discord_columns(), tickets_private.require_notifier(),
  tickets_private.ticket_of_guild(text, integer) from public, anon, authenticated;
revoke all on function public.ticket_record_staff_post(text, integer, text, text, text),
  public.ticket_record_dm(text, integer, text), public.ticket_staff_post(text, integer)
  from public, anon, authenticated;
grant execute on function public.ticket_record_staff_post(text, integer, text, text, text),
  public.ticket_record_dm(text, integer, text), public.ticket_staff_post(text, integer) to service_role;
