-- A ticket closed while Maxis was still opening its thread (the thread is set up after the create
-- answer) must not end with an open thread. ticket_of_guild locks the ticket row, so recording and
-- closing are ordered: a close that committed first makes this return null (nothing recorded; the
-- closer found no thread and told the member by DM, and Maxis deletes the unused thread); a close
-- that comes after finds the thread and closes it there.
create or replace function public.ticket_record_thread(
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
  select x.* into r from public.ticket_threads x where x.ticket_id = t.id;
  if r.ticket_id is null and t.status = 'closed' then
    return null;
  end if;
  insert into public.ticket_threads (ticket_id, guild_id, thread_id, parent_channel_id)
  values (t.id, t.guild_id, p_thread_id, p_parent_channel_id)
  on conflict (ticket_id) do nothing;
  select x.* into r from public.ticket_threads x where x.ticket_id = t.id;
  return jsonb_build_object('threadId', r.thread_id, 'parentChannelId', r.parent_channel_id);
end
$$;
