-- Ticket statistics for staff, and the two functions Shellia's control API reaches through Maxis with
-- the service role (the system identity): open counts and closing stale tickets.

-- Definitions, over the tickets CREATED in the window:
--   first response = first_staff_response_at - created_at (tickets staff answered)
--   resolution     = closed_at - created_at (closed tickets)
--   per agent      = anyone who is an assignee, a first responder, or closed someone else's ticket:
--                    assigned (currently assigned to them), closed (they closed it, not their own),
--                    median first response (tickets they answered first), median resolution (they closed).
-- Durations are in seconds; means and medians are null when nothing was measured.
create function tickets_private.stats_window(p_guild_id text, p_since timestamptz) returns jsonb
language sql stable set search_path = ''
as $$
  with w as materialized (
    select t.status, t.category, t.priority, t.owner_id, t.assignee_id, t.first_responder_id,
           case when t.closed_by <> t.owner_id then t.closed_by end as staff_closer,
           extract(epoch from t.first_staff_response_at - t.created_at)::float8 as first_response,
           extract(epoch from t.closed_at - t.created_at)::float8 as resolution
      from public.tickets t
     where t.guild_id = p_guild_id and t.created_at >= p_since
  ),
  assigned as (
    select w.assignee_id as agent_id, count(*) as n from w where w.assignee_id is not null group by 1
  ),
  responded as (
    select w.first_responder_id as agent_id,
           percentile_cont(0.5) within group (order by w.first_response) as median
      from w where w.first_responder_id is not null group by 1
  ),
  closed as (
    select w.staff_closer as agent_id, count(*) as n,
           percentile_cont(0.5) within group (order by w.resolution) as median
      from w where w.staff_closer is not null and w.status = 'closed' group by 1
  ),
  agents as (
    select coalesce(a.agent_id, r.agent_id, c.agent_id) as agent_id,
           coalesce(a.n, 0) as assigned, coalesce(c.n, 0) as closed,
           r.median as median_first_response, c.median as median_resolution
      from assigned a
      full join responded r on r.agent_id = a.agent_id
      full join closed c on c.agent_id = coalesce(a.agent_id, r.agent_id)
  )
  select jsonb_build_object(
    'total', (select count(*) from w),
    'byStatus', (select jsonb_object_agg(e.v, (select count(*) from w where w.status = e.v))
                   from unnest(tickets_private.statuses()) e(v)),
    'byCategory', (select jsonb_object_agg(e.v, (select count(*) from w where w.category = e.v))
                     from unnest(tickets_private.categories()) e(v)),
    'byPriority', (select jsonb_object_agg(e.v, (select count(*) from w where w.priority = e.v))
                     from unnest(tickets_private.priorities()) e(v)),
    'firstResponse', (select jsonb_build_object(
                          'count', count(w.first_response),
                          'meanSeconds', avg(w.first_response),
                          'medianSeconds', percentile_cont(0.5) within group (order by w.first_response))
                        from w where w.first_response is not null),
    'resolution', (select jsonb_build_object(
                       'count', count(w.resolution),
                       'meanSeconds', avg(w.resolution),
                       'medianSeconds', percentile_cont(0.5) within group (order by w.resolution))
                     from w where w.status = 'closed'),
    'agents', (select coalesce(jsonb_agg(jsonb_build_object(
                          'agentId', g.agent_id, 'assigned', g.assigned, 'closed', g.closed,
                          'medianFirstResponseSeconds', g.median_first_response,
                          'medianResolutionSeconds', g.median_resolution)
                        order by g.assigned + g.closed desc, g.agent_id), '[]'::jsonb)
                 from agents g)
  )
$$;

grant execute on function tickets_private.stats_window(text, timestamptz) to authenticated;

-- Staff only: the caller's guild over the last 7 days, the last 30 days and all time.
create function public.ticket_stats() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
begin
  perform tickets_private.require_staff(c);
  return jsonb_build_object(
    'generatedAt', now(),
    'last7Days', tickets_private.stats_window(c.guild_id, now() - interval '7 days'),
    'last30Days', tickets_private.stats_window(c.guild_id, now() - interval '30 days'),
    'allTime', tickets_private.stats_window(c.guild_id, '-infinity')
  );
end
$$;

revoke all on function public.ticket_stats() from public, anon, service_role;
grant execute on function public.ticket_stats() to authenticated;

-- Control API (service_role only) ------------------------------------------------------------------------

-- Tickets not closed, per guild and status.
create function public.ticket_open_counts() returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object(
    'total', coalesce(sum(g.total), 0),
    'guilds', coalesce(jsonb_agg(jsonb_build_object(
        'guildId', g.guild_id, 'open', g.open, 'inProgress', g.in_progress,
        'waitingForMember', g.waiting, 'total', g.total) order by g.total desc, g.guild_id), '[]'::jsonb)
  )
  from (
    select t.guild_id,
           count(*) filter (where t.status = 'open') as open,
           count(*) filter (where t.status = 'in_progress') as in_progress,
           count(*) filter (where t.status = 'waiting_for_member') as waiting,
           count(*) as total
      from public.tickets t
     where t.status <> 'closed'
     group by t.guild_id
  ) g
$$;

-- Closes every ticket not closed whose last activity is older than p_days (1..365), in one guild or
-- all. closed_by stays null: the system closed it; the audit rows name the service role.
create function public.ticket_close_stale(p_days integer, p_guild_id text default null) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_result jsonb;
begin
  if p_days is null or p_days not between 1 and 365 then
    perform tickets_private.fail('invalid_days', 'Days must be between 1 and 365.');
  end if;
  if p_guild_id is not null and p_guild_id !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('guild_required', 'A guild is a Discord server id.');
  end if;
  with closed as (
    update public.tickets t
       set status = 'closed', closed_at = now(), closed_by = null, close_reason = null, last_activity_at = now()
     where t.status <> 'closed'
       and t.last_activity_at < now() - make_interval(days => p_days)
       and (p_guild_id is null or t.guild_id = p_guild_id)
    returning t.guild_id
  ), per_guild as (
    select closed.guild_id, count(*) as n from closed group by closed.guild_id
  )
  select jsonb_build_object('closed', coalesce(sum(n), 0), 'byGuild', coalesce(jsonb_object_agg(guild_id, n), '{}'::jsonb))
    into v_result
    from per_guild;
  return v_result;
end
$$;

revoke all on function public.ticket_open_counts(), public.ticket_close_stale(integer, text)
  from public, anon, authenticated;
grant execute on function public.ticket_open_counts(), public.ticket_close_stale(integer, text) to service_role;
