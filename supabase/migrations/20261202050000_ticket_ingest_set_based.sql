-- Ingestion speed (issue 12, "Done when": ≥ 200 messages/s for one Gateway object). The Gateway
-- object already hands over a burst of events in one call; this makes that call cost a few
-- statements per batch instead of six per message (plus the triggers of one tickets UPDATE each):
--   1. every event checked at once;
--   2. one INSERT … SELECT of the new messages, in the order Discord sent them (ids follow that order);
--   3. one UPDATE of each ticket that got messages (activity, first staff response, back in the queue);
--   4. one UPDATE of each thread's last stored message (the backfill's cursor);
--   5. edits and deletions, rare, still one by one in order, each keeping the original in the audit.
-- Same contract as before (see 20261201030000_ticket_threads.sql): a message of a channel that is no
-- ticket thread is ignored, a message already stored (RESUME replay, backfill) is skipped, each is
-- stored once (discord_message_id is unique), a staff author who is not the owner is the first staff
-- response, a member's message puts a ticket waiting for them back in the queue.
-- Row triggers on ticket_messages (prepare, audit, and any added later) still run for every message.
create or replace function public.ticket_ingest_messages(p_events jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  e jsonb;
  m public.ticket_messages;
  t public.tickets;
  v_body text;
  v_attachments jsonb;
  v_inserted jsonb;
  v_events integer;
  v_ignored integer;
  v_creates integer;
  v_stored integer;
  v_skipped integer := 0;
  v_changed integer := 0;
begin
  perform tickets_private.require_notifier();
  if jsonb_typeof(p_events) is distinct from 'array' or jsonb_array_length(p_events) > 500 then
    perform tickets_private.fail('invalid_events', 'Events are an array of at most 500.');
  end if;
  if exists (
    select 1 from jsonb_array_elements(p_events) ev
     where jsonb_typeof(ev) is distinct from 'object'
        or coalesce(ev ->> 'messageId', '') !~ '^[0-9]{1,20}$'
        or coalesce(ev ->> 'channelId', '') !~ '^[0-9]{1,20}$'
        or coalesce(ev ->> 'kind', '') not in ('create', 'update', 'delete')
  ) then
    perform tickets_private.fail('invalid_events', 'Every event is a create, an update or a delete naming a message and a channel by id.');
  end if;

  select count(*)::integer,
         count(*) filter (where x.thread_id is null)::integer,
         count(*) filter (where x.thread_id is not null and ev.value ->> 'kind' = 'create')::integer
    into v_events, v_ignored, v_creates
    from jsonb_array_elements(p_events) ev
    left join public.ticket_threads x on x.thread_id = ev.value ->> 'channelId';

  if exists (
    select 1 from jsonb_array_elements(p_events) ev
      join public.ticket_threads x on x.thread_id = ev.value ->> 'channelId'
     where ev.value ->> 'kind' = 'create' and coalesce(ev.value ->> 'authorId', '') !~ '^[0-9]{1,20}$'
  ) then
    perform tickets_private.fail('invalid_events', 'A new message names its author by id.');
  end if;

  -- New messages: first sighting of each id in this batch, not stored yet, with text or a file.
  with ev as (
    select e2.value as e, e2.ordinality as ord, x.ticket_id
      from jsonb_array_elements(p_events) with ordinality e2
      join public.ticket_threads x on x.thread_id = e2.value ->> 'channelId'
     where e2.value ->> 'kind' = 'create'
  ), firsts as (
    select distinct on (ev.e ->> 'messageId') ev.*,
           left(coalesce(ev.e ->> 'content', ''), 4000) as body,
           coalesce((
             select jsonb_agg(jsonb_build_object('name', left(a ->> 'name', 200), 'url', left(a ->> 'url', 1000)))
               from jsonb_array_elements(case when jsonb_typeof(ev.e -> 'attachments') = 'array'
                                              then ev.e -> 'attachments' else '[]'::jsonb end) a
              where a ->> 'url' ~ '^https://'), '[]'::jsonb) as attachments
      from ev
     order by ev.e ->> 'messageId', ev.ord
  ), fresh as (
    select f.* from firsts f
     where (btrim(f.body) <> '' or jsonb_array_length(f.attachments) > 0)
       and not exists (select 1 from public.ticket_messages mm where mm.discord_message_id = f.e ->> 'messageId')
  ), ins as (
    insert into public.ticket_messages
      (ticket_id, author_id, body, is_internal, from_staff, discord_message_id, attachments, created_at)
    select c.ticket_id, c.e ->> 'authorId', c.body, false, coalesce((c.e ->> 'staff')::boolean, false),
           c.e ->> 'messageId', c.attachments, coalesce((c.e ->> 'at')::timestamptz, now())
      from fresh c
     order by c.ord
    on conflict (discord_message_id) do nothing
    returning id, ticket_id, author_id, from_staff, discord_message_id
  )
  select coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'ticketId', i.ticket_id, 'authorId', i.author_id,
                                               'staff', i.from_staff, 'messageId', i.discord_message_id)), '[]'::jsonb)
    into v_inserted
    from ins i;
  v_stored := jsonb_array_length(v_inserted);
  v_skipped := v_creates - v_stored;

  if v_stored > 0 then
    with got as (
      select * from jsonb_to_recordset(v_inserted)
        as g(id bigint, "ticketId" bigint, "authorId" text, staff boolean, "messageId" text)
    ), per_ticket as (
      select g."ticketId" as ticket_id,
             bool_or(not g.staff) as member_spoke,
             (array_agg(g."authorId" order by g.id) filter (where g.staff and g."authorId" <> tt.owner_id))[1] as first_staff,
             max(g."messageId"::numeric) as last_id
        from got g join public.tickets tt on tt.id = g."ticketId"
       group by g."ticketId"
    )
    update public.tickets u set
      last_activity_at = now(),
      first_staff_response_at = case when p.first_staff is not null
                                     then coalesce(u.first_staff_response_at, now()) else u.first_staff_response_at end,
      first_responder_id = case when p.first_staff is not null
                                then coalesce(u.first_responder_id, p.first_staff) else u.first_responder_id end,
      status = case
        when p.member_spoke and u.status = 'waiting_for_member' then
          case when u.assignee_id is null then 'open' else 'in_progress' end
        else u.status
      end
    from per_ticket p
    where u.id = p.ticket_id;

    update public.ticket_threads r
       set last_message_id = p.last_id::text
      from (select g."ticketId" as ticket_id, max(g."messageId"::numeric) as last_id
              from jsonb_to_recordset(v_inserted) as g("ticketId" bigint, "messageId" text)
             group by g."ticketId") p
     where r.ticket_id = p.ticket_id
       and (r.last_message_id is null or p.last_id > r.last_message_id::numeric);
  end if;

  -- Edits and deletions, in the order Discord sent them (after this batch's new messages, which they
  -- can only follow).
  for e in
    select ev.value from jsonb_array_elements(p_events) with ordinality ev
      join public.ticket_threads x on x.thread_id = ev.value ->> 'channelId'
     where ev.value ->> 'kind' in ('update', 'delete')
     order by ev.ordinality
  loop
    v_body := left(coalesce(e ->> 'content', ''), 4000);
    v_attachments := coalesce((
      select jsonb_agg(jsonb_build_object('name', left(a ->> 'name', 200), 'url', left(a ->> 'url', 1000)))
        from jsonb_array_elements(case when jsonb_typeof(e -> 'attachments') = 'array' then e -> 'attachments'
                                       else '[]'::jsonb end) a
       where a ->> 'url' ~ '^https://'), '[]'::jsonb);
    select mm.* into m from public.ticket_messages mm where mm.discord_message_id = e ->> 'messageId';
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
  end loop;

  return jsonb_build_object('stored', v_stored, 'skipped', v_skipped, 'ignored', v_ignored, 'changed', v_changed);
end
$$;

revoke all on function public.ticket_ingest_messages(jsonb) from public, anon, authenticated;
grant execute on function public.ticket_ingest_messages(jsonb) to service_role;
