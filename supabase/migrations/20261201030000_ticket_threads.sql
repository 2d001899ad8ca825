-- Ticket conversations live in Discord (issue 12): a private thread per ticket, whose messages Maxis
-- hears through the Gateway and stores as ticket messages, once each.
--
-- Who writes: Maxis alone, as its notifier identity (a short-lived service_role JWT minted in-process,
-- sub `maxis:notify`), through the SECURITY DEFINER functions below; no API role touches the new table
-- or the new columns directly. Members and staff read the stored messages exactly as before, under
-- the RLS of ticket_messages (internal notes never come from a thread: a thread is public).

-- Where each ticket's private thread is, and the newest Discord message stored from it: the cursor of
-- the backfill (GET /channels/{thread}/messages?after=<last_message_id>) after a Gateway gap.
create table public.ticket_threads (
  ticket_id bigint primary key references public.tickets (id),
  guild_id text not null check (guild_id ~ '^[0-9]{1,20}$'),
  thread_id text not null unique check (thread_id ~ '^[0-9]{1,20}$'),
  -- The channel the thread was opened in: its webhook posts staff replies into the thread.
  parent_channel_id text not null check (parent_channel_id ~ '^[0-9]{1,20}$'),
  last_message_id text check (last_message_id ~ '^[0-9]{1,20}$'),
  created_at timestamptz not null default now()
);
comment on table public.ticket_threads is
  'The Discord thread of each ticket and the last message stored from it. Written by ticket_record_thread and ticket_ingest_messages only.';
revoke all on public.ticket_threads from public, anon, authenticated, service_role;
-- RLS on and no policy: no API role reads it directly; the notifier's functions (definers) do.
alter table public.ticket_threads enable row level security;

-- A message typed in the thread keeps its Discord id (unique: stored once, whatever replays it),
-- its attachments (name and link), and when it was last edited or deleted in Discord. The original
-- text of an edit or deletion is kept in the audit (message_edited / message_deleted).
alter table public.ticket_messages
  add column discord_message_id text unique check (discord_message_id ~ '^[0-9]{1,20}$'),
  add column attachments jsonb not null default '[]'::jsonb check (jsonb_typeof(attachments) = 'array'),
  add column edited_at timestamptz,
  add column deleted_at timestamptz;
-- Discord allows 4,000 characters (Nitro) and a message of attachments only.
alter table public.ticket_messages drop constraint ticket_messages_body_check;
alter table public.ticket_messages add constraint ticket_messages_body_check
  check (char_length(body) <= 4000 and (btrim(body) <> '' or jsonb_array_length(attachments) > 0));

alter table public.ticket_audit drop constraint ticket_audit_action_check;
alter table public.ticket_audit add constraint ticket_audit_action_check check (action in (
  'created', 'updated', 'status_changed', 'closed', 'reopened', 'assigned', 'unassigned',
  'priority_changed', 'first_response', 'message_added', 'note_added', 'message_edited', 'message_deleted'
));

-- Messages stay append-only for every API role; the table owner (the definer functions below) may
-- only bring a thread message in line with Discord: its text, attachments, edited_at, deleted_at.
create function tickets_private.guard_message_change() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if tg_op = 'DELETE' or current_user in ('anon', 'authenticated', 'service_role')
     or old.discord_message_id is null
     or (to_jsonb(new) - array['body', 'attachments', 'edited_at', 'deleted_at'])
        <> (to_jsonb(old) - array['body', 'attachments', 'edited_at', 'deleted_at']) then
    raise exception using errcode = '42501', message = format('%s is append-only', tg_table_name);
  end if;
  return new;
end
$$;
drop trigger ticket_messages_append_only on public.ticket_messages;
create trigger ticket_messages_append_only before update or delete on public.ticket_messages
  for each row execute function tickets_private.guard_message_change();

-- Every message the functions return says where it came from in Discord and whether it changed there.
create or replace function tickets_private.message_json(m public.ticket_messages) returns jsonb
language sql immutable set search_path = ''
as $$
  select jsonb_build_object('id', m.id, 'authorId', m.author_id, 'body', m.body, 'isInternal', m.is_internal,
                            'fromStaff', m.from_staff, 'createdAt', m.created_at,
                            'discordMessageId', m.discord_message_id, 'attachments', m.attachments,
                            'editedAt', m.edited_at, 'deletedAt', m.deleted_at)
$$;

-- Maxis opened the ticket's thread: remember it (once; a retried call keeps the first thread).
create function public.ticket_record_thread(
  p_guild_id text,
  p_number integer,
  p_thread_id text,
  p_parent_channel_id text
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  t public.tickets;
  r public.ticket_threads;
begin
  perform tickets_private.require_notifier();
  if p_thread_id is null or p_thread_id !~ '^[0-9]{1,20}$'
     or p_parent_channel_id is null or p_parent_channel_id !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('invalid_ticket_number', 'A thread is a thread id and its channel id.');
  end if;
  t := tickets_private.ticket_of_guild(p_guild_id, p_number);
  insert into public.ticket_threads (ticket_id, guild_id, thread_id, parent_channel_id)
  values (t.id, t.guild_id, p_thread_id, p_parent_channel_id)
  on conflict (ticket_id) do nothing;
  select x.* into r from public.ticket_threads x where x.ticket_id = t.id;
  return jsonb_build_object('threadId', r.thread_id, 'parentChannelId', r.parent_channel_id);
end
$$;

-- The thread of ticket #p_number of a server, or null when it has none (DMs are the fallback then).
create function public.ticket_thread(p_guild_id text, p_number integer) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  r public.ticket_threads;
begin
  perform tickets_private.require_notifier();
  select x.* into r
    from public.ticket_threads x join public.tickets t on t.id = x.ticket_id
   where t.guild_id = p_guild_id and t.number = p_number;
  if r.ticket_id is null then
    return null;
  end if;
  return jsonb_build_object('threadId', r.thread_id, 'parentChannelId', r.parent_channel_id);
end
$$;

-- The threads of tickets not closed, with the last message stored from each: what the Gateway
-- object backfills after a gap.
create function public.ticket_open_threads() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform tickets_private.require_notifier();
  return (
    select coalesce(jsonb_agg(jsonb_build_object('threadId', x.thread_id, 'guildId', x.guild_id,
                                                 'lastMessageId', x.last_message_id)
                              order by x.ticket_id), '[]'::jsonb)
      from public.ticket_threads x join public.tickets t on t.id = x.ticket_id
     where t.status <> 'closed'
  );
end
$$;

-- What the Gateway heard in ticket threads, in the order Discord sent it, as one transaction:
--   {"kind":"create","messageId","channelId","authorId","staff","content","attachments":[{name,url}],"at"}
--   {"kind":"update","messageId","channelId","content","attachments"}
--   {"kind":"delete","messageId","channelId"}
-- A message of a channel that is no ticket thread is ignored (never stored); a message already stored
-- (replayed by RESUME, or seen again by a backfill) is skipped. A staff author who is not the owner
-- counts as the ticket's first staff response; a member's message puts a ticket waiting for them back
-- in the queue, as /ticket reply does.
create function public.ticket_ingest_messages(p_events jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  e jsonb;
  x public.ticket_threads;
  t public.tickets;
  m public.ticket_messages;
  v_staff boolean;
  v_body text;
  v_attachments jsonb;
  v_stored integer := 0;
  v_skipped integer := 0;
  v_ignored integer := 0;
  v_changed integer := 0;
begin
  perform tickets_private.require_notifier();
  if jsonb_typeof(p_events) is distinct from 'array' or jsonb_array_length(p_events) > 500 then
    perform tickets_private.fail('invalid_events', 'Events are an array of at most 500.');
  end if;
  for e in select value from jsonb_array_elements(p_events) loop
    if coalesce(e ->> 'messageId', '') !~ '^[0-9]{1,20}$' or coalesce(e ->> 'channelId', '') !~ '^[0-9]{1,20}$' then
      perform tickets_private.fail('invalid_events', 'Every event names a message and a channel by id.');
    end if;
    select r.* into x from public.ticket_threads r where r.thread_id = e ->> 'channelId';
    if x.ticket_id is null then
      v_ignored := v_ignored + 1;
      continue;
    end if;
    v_body := left(coalesce(e ->> 'content', ''), 4000);
    v_attachments := coalesce((
      select jsonb_agg(jsonb_build_object('name', left(a ->> 'name', 200), 'url', left(a ->> 'url', 1000)))
        from jsonb_array_elements(case when jsonb_typeof(e -> 'attachments') = 'array' then e -> 'attachments'
                                       else '[]'::jsonb end) a
       where a ->> 'url' ~ '^https://'), '[]'::jsonb);
    select mm.* into m from public.ticket_messages mm where mm.discord_message_id = e ->> 'messageId';

    if e ->> 'kind' = 'create' then
      if m.id is not null or (btrim(v_body) = '' and jsonb_array_length(v_attachments) = 0) then
        v_skipped := v_skipped + 1;
        continue;
      end if;
      if coalesce(e ->> 'authorId', '') !~ '^[0-9]{1,20}$' then
        perform tickets_private.fail('invalid_events', 'A new message names its author by id.');
      end if;
      select tt.* into t from public.tickets tt where tt.id = x.ticket_id for update;
      v_staff := coalesce((e ->> 'staff')::boolean, false);
      insert into public.ticket_messages
        (ticket_id, author_id, body, is_internal, from_staff, discord_message_id, attachments, created_at)
      values (t.id, e ->> 'authorId', v_body, false, v_staff, e ->> 'messageId', v_attachments,
              coalesce((e ->> 'at')::timestamptz, now()));
      update public.tickets u set
        last_activity_at = now(),
        first_staff_response_at = case when v_staff and (e ->> 'authorId') <> u.owner_id
                                       then coalesce(u.first_staff_response_at, now()) else u.first_staff_response_at end,
        first_responder_id = case when v_staff and (e ->> 'authorId') <> u.owner_id
                                  then coalesce(u.first_responder_id, e ->> 'authorId') else u.first_responder_id end,
        status = case
          when not v_staff and u.status = 'waiting_for_member' then
            case when u.assignee_id is null then 'open' else 'in_progress' end
          else u.status
        end
      where u.id = t.id;
      update public.ticket_threads r
         set last_message_id = case when r.last_message_id is null
                                      or (e ->> 'messageId')::numeric > r.last_message_id::numeric
                                    then e ->> 'messageId' else r.last_message_id end
       where r.ticket_id = x.ticket_id;
      v_stored := v_stored + 1;
    elsif e ->> 'kind' in ('update', 'delete') then
      if m.id is null or m.deleted_at is not null
         or (e ->> 'kind' = 'update' and m.body = v_body and m.attachments = v_attachments) then
        v_skipped := v_skipped + 1;
        continue;
      end if;
      select tt.* into t from public.tickets tt where tt.id = m.ticket_id;
      insert into public.ticket_audit (guild_id, ticket_id, ticket_number, action, actor_id, actor_role, before, after)
      values (m.guild_id, m.ticket_id, t.number,
              case when e ->> 'kind' = 'update' then 'message_edited' else 'message_deleted' end,
              m.author_id, 'discord',
              jsonb_build_object('message_id', m.id, 'body', m.body, 'attachments', m.attachments),
              case when e ->> 'kind' = 'update'
                   then jsonb_build_object('message_id', m.id, 'body', v_body, 'attachments', v_attachments)
                   else jsonb_build_object('message_id', m.id) end);
      if e ->> 'kind' = 'update' then
        if btrim(v_body) <> '' or jsonb_array_length(v_attachments) > 0 then
          update public.ticket_messages u set body = v_body, attachments = v_attachments, edited_at = now()
           where u.id = m.id;
        end if;
      else
        update public.ticket_messages u set deleted_at = now() where u.id = m.id;
      end if;
      v_changed := v_changed + 1;
    else
      perform tickets_private.fail('invalid_events', 'An event is a create, an update or a delete.');
    end if;
  end loop;
  return jsonb_build_object('stored', v_stored, 'skipped', v_skipped, 'ignored', v_ignored, 'changed', v_changed);
end
$$;

revoke all on function tickets_private.guard_message_change() from public, anon, authenticated;
revoke all on function public.ticket_record_thread(text, integer, text, text), public.ticket_thread(text, integer),
  public.ticket_open_threads(), public.ticket_ingest_messages(jsonb)
  from public, anon, authenticated;
grant execute on function public.ticket_record_thread(text, integer, text, text), public.ticket_thread(text, integer),
  public.ticket_open_threads(), public.ticket_ingest_messages(jsonb) to service_role;
