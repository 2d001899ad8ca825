-- One claim-with-lease for the three work queues: the payments role outbox (public.role_outbox), the
-- ticket automation jobs and the SLA escalations. Each claimed its due rows with its own copy of the
-- same query (due rows, oldest first, `for update skip locked`, attempts + 1, a lease) and computed its
-- own backoff and attempt limit. They now share queue_private.claim_due, queue_private.backoff and
-- queue_private.given_up_at; what each queue does stays as it was:
--   * role outbox: 2-minute lease; a failed call is retried 5 s, 20 s, 80 s… at most an hour apart;
--     no attempt limit (a role change is retried until Discord takes it);
--   * automation jobs: the lease is the retry, 2^(attempt−1) minutes after try n; after the 6th try a
--     failed outcome, or a lease that runs out with none, marks the job failed;
--   * SLA escalations: 2-minute lease; a failed post is retried like a role change; the 6th failed
--     try marks it failed.
-- Redefined here (bodies otherwise unchanged): public.payments_claim_role_changes,
-- public.payments_finish_role_change, public.automation_claim, public.automation_finish,
-- public.sla_claim_escalations, public.sla_finish_escalation. tickets_private.automation_max_attempts
-- is replaced by queue_private.max_attempts. Every function sets search_path = '' and names
-- everything schema-qualified.

create schema queue_private;
comment on schema queue_private is
  'Helpers of the claim-with-lease work queues; only their SECURITY DEFINER callers use them.';
revoke all on schema queue_private from public, anon, authenticated, service_role;

-- How long to wait after try p_attempt (1, 2, 3…): p_first, times p_factor for each further try, at
-- most p_cap when one is given.
create function queue_private.backoff(p_attempt integer, p_first interval, p_factor double precision,
                                      p_cap interval default null) returns interval
language sql immutable set search_path = ''
as $$
  select case when p_cap is null then d else least(d, p_cap) end
    from (select p_first * power(p_factor, greatest(p_attempt, 1) - 1) as d) x
$$;

-- When a failed call is tried again (role changes, SLA posts): 5 s, 20 s, 80 s… at most an hour apart.
create function queue_private.retry_at(p_attempts integer) returns timestamptz
language sql stable set search_path = ''
as $$ select now() + queue_private.backoff(p_attempts, interval '5 seconds', 4, interval '1 hour') $$;

-- Tries before a job or an escalation is given up (role changes have no limit).
create function queue_private.max_attempts() returns integer
language sql immutable set search_path = '' as $$ select 6 $$;

-- A queue row's failed_at after a failed try: now once it has had its last try, otherwise null.
create function queue_private.given_up_at(p_attempts integer) returns timestamptz
language sql stable set search_path = ''
as $$ select case when p_attempts >= queue_private.max_attempts() then now() end $$;

-- Claims up to p_limit rows of the queue p_queue that are due (next_attempt_at <= now()) and match
-- p_pending (a condition on the row, aliased q), oldest first. Rows locked by a concurrent pass are
-- skipped (for update skip locked), so two passes never claim the same row. Each claimed row is
-- leased: attempts + 1 and next_attempt_at = now() + backoff(attempts, p_lease_first, p_lease_factor).
-- With p_give_up, a row that already had its last try (its lease ran out without an outcome) is marked
-- failed instead (failed_at, and last_error unless one is kept) and not returned. Returns the leased
-- rows' ids with when they were due, to be read back in a following statement (this one's snapshot
-- predates the lease). p_queue and p_pending are the callers' constants, never user input; callers
-- quote values into p_pending with format's %L.
create function queue_private.claim_due(
  p_queue regclass, p_pending text, p_limit integer, p_lease_first interval,
  p_lease_factor double precision default 1, p_give_up boolean default false
) returns table (id bigint, due_at timestamptz)
language plpgsql volatile set search_path = ''
as $$
begin
  return query execute format($claim$
    with due as (
      select q.id, q.next_attempt_at, $4 and q.attempts >= queue_private.max_attempts() as give_up
        from %1$s q
       where q.next_attempt_at <= now() and (%2$s)
       order by q.next_attempt_at, q.id
       limit $1
         for update skip locked
    ), leased as (
      update %1$s q
         set attempts = q.attempts + 1,
             next_attempt_at = now() + queue_private.backoff(q.attempts + 1, $2, $3)
        from due
       where q.id = due.id and not due.give_up
      returning q.id, due.next_attempt_at
    )%3$s
    select l.id, l.next_attempt_at from leased l$claim$,
    p_queue, p_pending,
    case when p_give_up then format(
      ', given_up as (update %s q set failed_at = now(), last_error = coalesce(q.last_error, %L)'
      ' from due where q.id = due.id and due.give_up)', p_queue, 'lease ran out without an outcome')
    else '' end)
  using p_limit, p_lease_first, p_lease_factor, p_give_up;
end
$$;

revoke all on function queue_private.backoff(integer, interval, double precision, interval),
  queue_private.retry_at(integer), queue_private.max_attempts(), queue_private.given_up_at(integer),
  queue_private.claim_due(regclass, text, integer, interval, double precision, boolean)
  from public, anon, authenticated, service_role;

-- Payments: the role outbox -----------------------------------------------------------------------------

-- Up to p_limit role changes that are due, leased for 2 minutes so two drains never make the same call.
create or replace function public.payments_claim_role_changes(p_limit integer default 20)
returns setof json
language plpgsql volatile
security definer
set search_path = ''
as $$
declare
  v_ids bigint[];
begin
  perform payments_private.require_payments();
  select array_agg(c.id order by c.due_at, c.id) into v_ids
    from queue_private.claim_due('public.role_outbox', 'q.done_at is null',
                                 least(greatest(p_limit, 1), 100), interval '2 minutes') c;
  return query
    select json_build_object(
      'id', o.id, 'guild_id', o.guild_id, 'user_id', o.user_id, 'role_id', o.role_id,
      'action', o.action, 'reason', o.reason, 'attempts', o.attempts
    )
      from unnest(v_ids) with ordinality u(id, n)
      join public.role_outbox o on o.id = u.id
     order by u.n;
end;
$$;

-- The outcome of one role change: done, or retried later (queue_private.retry_at; the scheduled pass
-- runs every 5 minutes, and a drain follows every webhook).
create or replace function public.payments_finish_role_change(p_id bigint, p_ok boolean, p_error text default null)
returns void
language plpgsql volatile
security definer
set search_path = ''
as $$
begin
  perform payments_private.require_payments();
  update public.role_outbox
  set done_at = case when p_ok then now() end,
      last_error = case when p_ok then null else left(p_error, 500) end,
      next_attempt_at = case when p_ok then next_attempt_at else queue_private.retry_at(attempts) end
  where id = p_id and done_at is null;
end;
$$;

-- Ticket automation --------------------------------------------------------------------------------------

-- Claims up to p_limit (1..200) due jobs (of one server when p_guild_id is given: the pass an
-- interaction starts right after a close request or a close) in one transaction, through
-- queue_private.claim_due (so two passes never claim the same job; a job whose last lease ran out
-- without an outcome after the last try is marked failed). Each claimed job's database effect is
-- applied now if it was not already (once, whatever happens next), and what the Worker needs to tell
-- Discord returned:
--   [{ id, kind, attempt, nonce, ticket, threadId, dmAllowed, locale, hours, requestedBy }]
-- A job whose ticket closed meanwhile (a warning, a timeout) is dropped instead.
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

-- The Worker's outcomes for the jobs it claimed, in one call: [{ id, ok, error? }]. Done: deleted.
-- Failed: error kept, retried when its lease ends, failed for good after the last try (reported).
-- Returns how many failed for good.
create or replace function public.automation_finish(p_outcomes jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_failed integer;
begin
  perform tickets_private.require_automation();
  if jsonb_typeof(p_outcomes) is distinct from 'array' or jsonb_array_length(p_outcomes) > 500
     or exists (select 1 from jsonb_array_elements(p_outcomes) o
                 where jsonb_typeof(o -> 'id') <> 'number' or jsonb_typeof(o -> 'ok') <> 'boolean') then
    perform tickets_private.fail('invalid_outcomes', 'Outcomes are an array of at most 500 { id, ok, error }.');
  end if;
  delete from public.ticket_automation_jobs x
   using jsonb_array_elements(p_outcomes) o
   where x.id = (o ->> 'id')::bigint and (o ->> 'ok')::boolean;
  with failed as (
    update public.ticket_automation_jobs x
       set last_error = left(coalesce(o ->> 'error', 'unknown error'), 1000),
           failed_at = queue_private.given_up_at(x.attempts)
      from jsonb_array_elements(p_outcomes) o
     where x.id = (o ->> 'id')::bigint and not (o ->> 'ok')::boolean
    returning x.failed_at
  )
  select count(*) filter (where failed_at is not null) into v_failed from failed;
  return jsonb_build_object('failed', v_failed);
end
$$;

drop function tickets_private.automation_max_attempts();

-- SLA escalations ----------------------------------------------------------------------------------------

-- One pass's claim, in one transaction:
--   1. tickets whose next stage time has come (an index range scan on ticket_sla_check_idx, locked
--      with skip locked so two passes take different tickets) get one escalation row per stage that
--      is due (unique per ticket and stage: never two); an "approaching" stage found due together
--      with its breach is skipped as superseded; their next stage time moves on;
--   2. escalations whose target was met meanwhile, or whose server has no staff channel, are skipped;
--   3. up to p_limit pending escalations are leased for 2 minutes (queue_private.claim_due) and
--      returned with what their post needs.
create or replace function public.sla_claim_escalations(p_limit integer default 20)
returns setof jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t public.tickets;
  x public.ticket_sla;
  s public.server_sla;
  v_ids bigint[];
begin
  perform tickets_private.require_sla_scheduler();
  for x in
    select d.* from public.ticket_sla d
     where d.next_check_at <= now()
     order by d.next_check_at
     limit 200
     for update skip locked
  loop
    select k.* into t from public.tickets k where k.id = x.ticket_id;
    insert into public.ticket_sla_escalations (ticket_id, guild_id, stage, due_at, skipped)
    select t.id, t.guild_id, e.stage, e.due_at,
           case when e.stage like '%_approaching' and e.breach_at <= now() then 'superseded' end
      from (values
        ('first_response_approaching', x.first_response_warn_at, x.first_response_due_at, x.first_response_due_at,
         t.first_staff_response_at is null),
        ('first_response_breached', x.first_response_due_at, x.first_response_due_at, x.first_response_due_at,
         t.first_staff_response_at is null),
        ('resolution_approaching', x.resolution_warn_at, x.resolution_due_at, x.resolution_due_at, true),
        ('resolution_breached', x.resolution_due_at, x.resolution_due_at, x.resolution_due_at, true)
      ) e(stage, at, due_at, breach_at, pending)
     where t.status <> 'closed' and e.pending and e.at <= now()
    on conflict (ticket_id, stage) do nothing;
    s := tickets_private.sla_of(t.guild_id);
    perform tickets_private.sla_refresh(t, s);
  end loop;

  update public.ticket_sla_escalations e
     set skipped = case
           when k.status = 'closed' or (e.stage like 'first_response_%' and k.first_staff_response_at is not null) then 'met'
           when not coalesce(v.enabled, false) then 'disabled'
           else 'no_channel' end
    from public.tickets k
    left join public.server_settings g on g.guild_id = k.guild_id
    left join public.server_sla v on v.guild_id = k.guild_id
   where e.ticket_id = k.id and e.posted_at is null and e.skipped is null and e.failed_at is null
     and e.next_attempt_at <= now()
     and (k.status = 'closed' or (e.stage like 'first_response_%' and k.first_staff_response_at is not null)
          or g.staff_channel_id is null or not coalesce(v.enabled, false));

  select array_agg(c.id order by c.due_at, c.id) into v_ids
    from queue_private.claim_due('public.ticket_sla_escalations',
           'q.posted_at is null and q.skipped is null and q.failed_at is null',
           least(greatest(coalesce(p_limit, 20), 1), 100), interval '2 minutes') c;
  return query
    select jsonb_build_object(
      'id', l.id, 'stage', l.stage, 'dueAt', l.due_at, 'attempts', l.attempts,
      'guildId', k.guild_id, 'number', k.number, 'subject', k.subject, 'priority', k.priority,
      'category', k.category, 'status', k.status, 'assigneeId', k.assignee_id,
      'channelId', g.staff_channel_id, 'locale', g.default_locale,
      'roleIds', to_jsonb((select coalesce(array_agg(distinct r order by r), '{}') from unnest(
          case when cardinality(coalesce(cat.staff_role_ids, '{}')) > 0 then cat.staff_role_ids else g.staff_role_ids end
          || case when v.on_call_role_id is not null then array[v.on_call_role_id] else '{}'::text[] end) r)))
      from unnest(v_ids) with ordinality u(id, n)
      join public.ticket_sla_escalations l on l.id = u.id
      join public.tickets k on k.id = l.ticket_id
      join public.server_settings g on g.guild_id = k.guild_id
      left join public.ticket_categories cat on cat.guild_id = k.guild_id and cat.key = k.category
      left join public.server_sla v on v.guild_id = k.guild_id
     order by u.n;
end
$$;

-- How an escalation's post went: posted (written in the ticket's history as done by the system), or
-- retried later (queue_private.retry_at); after the last failed try it stops, keeping failed_at and
-- the error. Returns whether it was given up.
create or replace function public.sla_finish_escalation(p_id bigint, p_ok boolean, p_message_id text default null,
                                                        p_error text default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  e public.ticket_sla_escalations;
  t public.tickets;
begin
  perform tickets_private.require_sla_scheduler();
  if p_ok then
    update public.ticket_sla_escalations x set posted_at = now(), last_error = null,
           message_id = case when p_message_id ~ '^[0-9]{1,20}$' then p_message_id end
     where x.id = p_id and x.posted_at is null and x.skipped is null
    returning x.* into e;
    if e.id is not null then
      select k.* into t from public.tickets k where k.id = e.ticket_id;
      insert into public.ticket_audit (guild_id, ticket_id, ticket_number, action, actor_id, actor_role, before, after)
      values (t.guild_id, t.id, t.number, 'sla_escalated', null, 'system', null,
              jsonb_build_object('stage', e.stage, 'due_at', e.due_at, 'message_id', e.message_id));
    end if;
    return jsonb_build_object('posted', e.id is not null, 'failed', false);
  end if;
  update public.ticket_sla_escalations x
     set last_error = left(coalesce(p_error, 'unknown error'), 1000),
         failed_at = queue_private.given_up_at(x.attempts),
         next_attempt_at = queue_private.retry_at(x.attempts)
   where x.id = p_id and x.posted_at is null and x.skipped is null
  returning x.* into e;
  return jsonb_build_object('posted', false, 'failed', e.failed_at is not null);
end
$$;
