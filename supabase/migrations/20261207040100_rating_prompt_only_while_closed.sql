-- A ticket reopened soon after its close still got the "rate us" prompt in its reopened thread:
-- automation_claim kept every rating_prompt job whatever the ticket's status. A rating is asked only
-- while the ticket is closed: a prompt whose ticket is open again is dropped when claimed. Not applied
-- yet, no rating was recorded as asked, so the ticket's next close queues a new prompt; applied
-- already (a retry), the rating stays asked, as the owner may have seen the prompt.
-- The rest is 20261203070000_work_queue_claim.sql's automation_claim, unchanged.
create or replace function public.automation_claim(p_limit integer, p_guild_id text default null) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  j public.ticket_automation_jobs;
  t public.tickets;
  a public.server_automation;
  v_ids bigint[];
  v_out jsonb := '[]'::jsonb;
  v_thread text;
  v_dm boolean;
begin
  perform tickets_private.require_automation();
  if p_limit is null or p_limit not between 1 and 200 then
    perform tickets_private.fail('invalid_limit', 'A pass claims 1 to 200 jobs.');
  end if;
  -- The lease is the retry: 2^(n-1) minutes after try n.
  select array_agg(c.id order by c.due_at, c.id) into v_ids
    from queue_private.claim_due('public.ticket_automation_jobs',
           format('q.failed_at is null and (%L::text is null or q.guild_id = %L)', p_guild_id, p_guild_id),
           p_limit, interval '1 minute', 2, true) c;
  for j in
    select x.* from unnest(v_ids) with ordinality u(id, n)
      join public.ticket_automation_jobs x on x.id = u.id
     order by u.n
  loop
    select x.* into t from public.tickets x where x.id = j.ticket_id for update;
    a := tickets_private.automation_of(t.guild_id);
    if j.kind = 'rating_prompt' and t.status <> 'closed' then
      delete from public.ticket_automation_jobs x where x.id = j.id;
      continue;
    end if;
    if j.applied_at is null then
      if j.kind <> 'rating_prompt' and t.status = 'closed' then
        delete from public.ticket_automation_jobs x where x.id = j.id;
        continue;
      end if;
      -- Applied first: the close below fires the status trigger, which drops unapplied jobs.
      update public.ticket_automation_jobs x set applied_at = now() where x.id = j.id;
      if j.kind = 'inactivity_warning' then
        perform tickets_private.audit_automation(t, 'inactivity_warned', jsonb_build_object('hours', a.warning_hours));
        insert into public.ticket_automation_jobs as x (ticket_id, guild_id, kind, next_attempt_at)
        values (t.id, t.guild_id, 'inactivity_close', now() + make_interval(hours => a.warning_hours))
        on conflict (ticket_id, kind) do nothing;
      elsif j.kind in ('inactivity_close', 'close_request_timeout') then
        delete from public.ticket_automation_jobs x
         where x.ticket_id = t.id and x.kind = 'close_request_prompt' and x.applied_at is null;
        update public.tickets u
           set status = 'closed', closed_at = now(), closed_by = null, close_reason = null, last_activity_at = now()
         where u.id = t.id
        returning * into t;
      elsif j.kind = 'rating_prompt' then
        insert into public.ticket_ratings (ticket_id, guild_id, owner_id, agent_id)
        values (t.id, t.guild_id, t.owner_id, coalesce(t.assignee_id, t.first_responder_id))
        on conflict (ticket_id) do nothing;
      end if;
    end if;
    select r.thread_id into v_thread from public.ticket_threads r where r.ticket_id = t.id;
    select s.dm_notifications into v_dm from public.server_settings s where s.guild_id = t.guild_id;
    v_out := v_out || jsonb_build_array(jsonb_build_object(
      'id', j.id, 'kind', j.kind, 'attempt', j.attempts, 'nonce', 'mx' || j.id,
      'ticket', tickets_private.ticket_json(t), 'threadId', v_thread, 'dmAllowed', coalesce(v_dm, true),
      'locale', t.owner_locale, 'requestedBy', j.requested_by,
      'hours', case j.kind when 'inactivity_warning' then a.warning_hours
                           when 'close_request_prompt' then a.close_request_hours else null end
    ));
  end loop;
  return v_out;
end
$$;
