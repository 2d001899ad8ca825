-- Ticket statistics without reading the tickets' heap, and in fewer passes (issue 11, last "Done when"
-- point: bench/tickets.bench.ts at 1,000,000 tickets, stats p95 < 100 ms).
-- A window read each of its tickets' rows from the heap through tickets_created_idx (all time: ~10,000
-- scattered pages for a server of 10,000 tickets, 60 % of the call), then went over the materialised
-- rows 17 times (one count per status, category and priority, and one pass per figure).
--   * tickets_stats_idx carries every column a window and the select policy read, so a window is one
--     index-only scan. It has tickets_created_idx's key, which it replaces for its other readers
--     (ticket_sla_stats, ticket_stats_series, ticket_backlog_series, ticket_export).
--   * the counts per status, category and priority come from one grouping-sets pass, the totals and
--     the first-response and resolution figures from one more.
-- Answers are unchanged: the same rows, the same aggregates over them (zeros for keys without
-- tickets, nulls when nothing was measured). Redefines tickets_private.stats_window (same signature).

create index tickets_stats_idx on public.tickets (guild_id, created_at)
  include (status, category, priority, owner_id, assignee_id, first_responder_id, closed_by,
           first_staff_response_at, closed_at);
drop index public.tickets_created_idx;

create or replace function tickets_private.stats_window(p_guild_id text, p_since timestamptz) returns jsonb
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
  -- Nulls are skipped by the aggregates, as the former `where w.first_response is not null` did.
  totals as (
    select count(*) as total,
           count(w.first_response) as response_count,
           avg(w.first_response) as response_mean,
           percentile_cont(0.5) within group (order by w.first_response) as response_median,
           count(w.resolution) filter (where w.status = 'closed') as resolution_count,
           avg(w.resolution) filter (where w.status = 'closed') as resolution_mean,
           percentile_cont(0.5) within group (order by w.resolution) filter (where w.status = 'closed')
             as resolution_median
      from w
  ),
  -- kind (grouping()'s bits: 1 for each column not grouped by): 3 per status, 5 per category, 6 per priority.
  counts as (
    select grouping(w.status, w.category, w.priority) as kind,
           coalesce(w.status, w.category, w.priority) as key, count(*) as n
      from w group by grouping sets ((w.status), (w.category), (w.priority))
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
    'total', x.total,
    'byStatus', (select jsonb_object_agg(e.v, coalesce((select k.n from counts k where k.kind = 3 and k.key = e.v), 0))
                   from unnest(tickets_private.statuses()) e(v)),
    'byCategory', (select jsonb_object_agg(e.v, coalesce((select k.n from counts k where k.kind = 5 and k.key = e.v), 0))
                     from unnest(tickets_private.categories()) e(v)),
    'byPriority', (select jsonb_object_agg(e.v, coalesce((select k.n from counts k where k.kind = 6 and k.key = e.v), 0))
                     from unnest(tickets_private.priorities()) e(v)),
    'firstResponse', jsonb_build_object(
                       'count', x.response_count, 'meanSeconds', x.response_mean, 'medianSeconds', x.response_median),
    'resolution', jsonb_build_object(
                    'count', x.resolution_count, 'meanSeconds', x.resolution_mean, 'medianSeconds', x.resolution_median),
    'agents', (select coalesce(jsonb_agg(jsonb_build_object(
                          'agentId', g.agent_id, 'assigned', g.assigned, 'closed', g.closed,
                          'medianFirstResponseSeconds', g.median_first_response,
                          'medianResolutionSeconds', g.median_resolution)
                        order by g.assigned + g.closed desc, g.agent_id), '[]'::jsonb)
                 from agents g)
  )
  from totals x
$$;
