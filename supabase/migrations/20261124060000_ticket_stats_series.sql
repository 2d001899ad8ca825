-- The staff dashboard's charts: tickets opened and closed per day, and how long first responses and
-- resolutions took, counted in buckets. Staff only, over the caller's guild; the days are UTC days.
-- Buckets (upper bounds in seconds): 15 min, 1 h, 4 h, 1 day, 3 days, then everything longer (null).
-- Durations are measured, as in ticket_stats, on the tickets CREATED in the window.
create function public.ticket_stats_series(p_days integer default 30) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_first_day timestamptz;
  v_bounds integer[] := array[900, 3600, 14400, 86400, 259200];
begin
  perform tickets_private.require_staff(c);
  if p_days is null or p_days not between 1 and 365 then
    perform tickets_private.fail('invalid_days', 'Days must be between 1 and 365.');
  end if;
  v_first_day := date_trunc('day', now() at time zone 'utc') at time zone 'utc' - make_interval(days => p_days - 1);
  return (
    with w as materialized (
      select t.created_at, t.closed_at, t.status,
             extract(epoch from t.first_staff_response_at - t.created_at)::float8 as first_response,
             extract(epoch from t.closed_at - t.created_at)::float8 as resolution
        from public.tickets t
       where t.guild_id = c.guild_id and (t.created_at >= v_first_day or t.closed_at >= v_first_day)
    ),
    days as (
      select d from generate_series(v_first_day, v_first_day + make_interval(days => p_days - 1), interval '1 day') d
    ),
    buckets as (
      select i, case when i <= cardinality(v_bounds) then v_bounds[i] end as up_to,
             case when i = 1 then 0 else v_bounds[i - 1] end as from_s
        from generate_series(1, cardinality(v_bounds) + 1) i
    )
    select jsonb_build_object(
      'days', p_days,
      'daily', (select jsonb_agg(jsonb_build_object(
                   'date', to_char(days.d at time zone 'utc', 'YYYY-MM-DD'),
                   'opened', (select count(*) from w where w.created_at >= days.d and w.created_at < days.d + interval '1 day'),
                   'closed', (select count(*) from w where w.status = 'closed' and w.closed_at >= days.d
                                                        and w.closed_at < days.d + interval '1 day'))
                 order by days.d) from days),
      'firstResponseBuckets', (select jsonb_agg(jsonb_build_object('upToSeconds', b.up_to,
                   'count', (select count(*) from w where w.created_at >= v_first_day and w.first_response >= b.from_s
                                                     and (b.up_to is null or w.first_response < b.up_to)))
                 order by b.i) from buckets b),
      'resolutionBuckets', (select jsonb_agg(jsonb_build_object('upToSeconds', b.up_to,
                   'count', (select count(*) from w where w.created_at >= v_first_day and w.status = 'closed'
                                                     and w.resolution >= b.from_s
                                                     and (b.up_to is null or w.resolution < b.up_to)))
                 order by b.i) from buckets b)
    )
  );
end
$$;

revoke all on function public.ticket_stats_series(integer) from public, anon, service_role;
grant execute on function public.ticket_stats_series(integer) to authenticated;
