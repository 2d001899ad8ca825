-- Ticket list and view with less work per call at 1,000,000 tickets with per-category staff on
-- (issue 11, last "Done when" point; bench/tickets.bench.ts). The plans at that size were already
-- index scans of a few rows; the time went to work around them, paid on every call:
--   * ticket_list built both of its statements as dynamic SQL (EXECUTE), so PostgreSQL planned them
--     again on every call: about half of a member's /ticket list, and the page statement joined the
--     tickets twice, each copy evaluating the caller's categories (tickets_private.staff_categories(),
--     the policy's initPlan) once more;
--   * ticket_view found the ticket through find_ticket, which evaluates the caller's categories
--     itself and then again through the select policy it reads under.
-- Now the common lists (a member's own tickets, whatever the filters; staff by number, all or one
-- status) run static statements whose plans PL/pgSQL keeps for the session; the rarer staff filters
-- and the "due" order keep the dynamic statement planned for exactly their filters. A member's page
-- is read straight from their rows; a staff page's numbers are picked first and one static statement
-- turns them into the items. The view reads the ticket under the select policy alone, which is
-- find_ticket's rule.
-- Both functions keep generic plans (plan_cache_mode): with the default, PostgreSQL compares a
-- generic plan's estimate (any status: a quarter of a server's tickets) with the custom plan's (one
-- status's share) and plans again on every call, though both plans walk the same index. The
-- dynamic statements are planned for each call whatever this setting says.
-- Results, errors and their order are those of 20261202020100_ticket_list_time_left.sql and
-- 20261124010001_ticket_functions.sql; RLS still decides every row.
-- Redefines public.ticket_list and public.ticket_view only (same signatures, same grants); adds
-- tickets_private.list_item_json.

-- One item of a list: the ticket and the due time it waits on (`sla`, null without one, and for
-- members, whom RLS shows no due times). `s` is the ticket's ticket_sla row, or null.
create function tickets_private.list_item_json(t public.tickets, s public.ticket_sla) returns jsonb
language sql immutable set search_path = ''
as $$
  select tickets_private.ticket_json(t) || jsonb_build_object('sla',
    case when s.next_due_at is not null then jsonb_build_object(
      'target', case when t.first_staff_response_at is null and s.first_response_due_at is not null
                     then 'first_response' else 'resolution' end,
      'dueAt', s.next_due_at) end)
$$;
revoke all on function tickets_private.list_item_json(public.tickets, public.ticket_sla)
  from public, anon, authenticated, service_role;
grant execute on function tickets_private.list_item_json(public.tickets, public.ticket_sla) to authenticated;

create or replace function public.ticket_list(
  p_status text default null,
  p_category text default null,
  p_priority text default null,
  p_assignee_id text default null,
  p_mine boolean default false,
  p_search text default null,
  p_limit integer default 10,
  p_offset integer default 0,
  p_sort text default 'number'
) returns jsonb
language plpgsql stable security invoker set search_path = '' set plan_cache_mode = force_generic_plan
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_status text;
  v_category text;
  v_priority text;
  v_pattern text;
  v_unassigned boolean := coalesce(p_assignee_id = 'none', false);
  v_assignee text := case when p_assignee_id <> 'none' then p_assignee_id end;
  -- For the dynamic statements: built from fixed fragments only (values travel as $n parameters). No
  -- `t.guild_id = $1`: the select policy already keeps the caller's guild, and saying it twice halves
  -- the planner's row estimate twice over, so it sorts every match instead of walking an index.
  v_where text := 'true';
  v_order text;
  v_total bigint;
  v_numbers integer[];
  v_items jsonb := '[]'::jsonb;
begin
  if p_limit is null or p_limit not between 1 and 50 or p_offset is null or p_offset not between 0 and 100000 then
    perform tickets_private.fail('invalid_page', 'limit must be 1 to 50 and offset 0 to 100000.');
  end if;
  if p_sort is null or p_sort not in ('number', 'due') then
    perform tickets_private.fail('invalid_sort', 'sort is number or due.');
  end if;
  if not c.is_staff then
    v_where := v_where || ' and t.owner_id = $2';
  elsif coalesce(p_mine, false) then
    v_where := v_where || ' and t.assignee_id = $2';
  end if;
  if p_status is not null then
    v_status := tickets_private.parse_status(p_status);
    v_where := v_where || ' and t.status = $3';
  end if;
  if p_category is not null then
    v_category := tickets_private.parse_category(p_category);
    v_where := v_where || ' and t.category = $4';
  end if;
  if p_priority is not null then
    v_priority := tickets_private.parse_priority(p_priority);
    v_where := v_where || ' and t.priority = $5';
  end if;
  if v_unassigned then
    v_where := v_where || ' and t.assignee_id is null';
  elsif p_assignee_id is not null then
    if p_assignee_id !~ '^[0-9]{1,20}$' then
      perform tickets_private.fail('invalid_assignee', 'An assignee is a Discord user id, or none.');
    end if;
    v_where := v_where || ' and t.assignee_id = $6';
  end if;
  if btrim(coalesce(p_search, '')) <> '' then
    if char_length(p_search) > 100 then
      perform tickets_private.fail('search_too_long', 'A search has at most 100 characters.');
    end if;
    v_pattern := tickets_private.contains_pattern(btrim(p_search));
    v_where := v_where || ' and t.subject ilike $7';
  end if;

  -- Staff lists pick the page's numbers first, in order, reading only an index that carries what the
  -- policy reads (tickets_status_idx, tickets_guild_number_idx) and stopping after the page.
  if p_sort = 'number' and not c.is_staff then
    -- A member's own tickets are few: tickets_owner_idx, then any filter on those rows.
    select count(*) into v_total from public.tickets t
     where t.owner_id = c.sub and (v_status is null or t.status = v_status)
       and (v_category is null or t.category = v_category) and (v_priority is null or t.priority = v_priority)
       and (not v_unassigned or t.assignee_id is null) and (v_assignee is null or t.assignee_id = v_assignee)
       and (v_pattern is null or t.subject ilike v_pattern);
    -- Their rows are read for the count already: the page takes them directly, not by number again.
    select coalesce(jsonb_agg(tickets_private.list_item_json(page.t, s) order by (page.t).number desc), '[]'::jsonb)
      into v_items
      from (select t from public.tickets t
             where t.owner_id = c.sub and (v_status is null or t.status = v_status)
               and (v_category is null or t.category = v_category) and (v_priority is null or t.priority = v_priority)
               and (not v_unassigned or t.assignee_id is null) and (v_assignee is null or t.assignee_id = v_assignee)
               and (v_pattern is null or t.subject ilike v_pattern)
             order by t.number desc limit p_limit offset p_offset) page
      left join public.ticket_sla s on s.ticket_id = (page.t).id;
  -- Staff with no filter but the status: v_where then names nothing else.
  elsif p_sort = 'number' and v_where = 'true and t.status = $3' then
    select count(*) into v_total from public.tickets t where t.status = v_status;
    v_numbers := array(
      select t.number from public.tickets t where t.status = v_status
       order by t.number desc limit p_limit offset p_offset);
  elsif p_sort = 'number' and v_where = 'true' then
    select count(*) into v_total from public.tickets t;
    v_numbers := array(select t.number from public.tickets t order by t.number desc limit p_limit offset p_offset);
  else
    execute 'select count(*) from public.tickets t where ' || v_where
       into v_total
      using c.guild_id, c.sub, v_status, v_category, v_priority, p_assignee_id, v_pattern;
    v_order := case when p_sort = 'due'
      then 'select t.number, row_number() over (order by s.next_due_at nulls last, t.number desc) as position
              from public.tickets t left join public.ticket_sla s on s.ticket_id = t.id where ' || v_where || '
             order by s.next_due_at nulls last, t.number desc limit $8 offset $9'
      else 'select t.number, row_number() over (order by t.number desc) as position
              from public.tickets t where ' || v_where || ' order by t.number desc limit $8 offset $9' end;
    execute 'select coalesce(array_agg(page.number order by page.position), ''{}'') from (' || v_order || ') page'
       into v_numbers
      using c.guild_id, c.sub, v_status, v_category, v_priority, p_assignee_id, v_pattern, p_limit, p_offset;
  end if;

  if cardinality(v_numbers) > 0 then -- staff lists (a member's page is built above)
    select coalesce(jsonb_agg(tickets_private.list_item_json(t, s) order by page.position), '[]'::jsonb)
      into v_items
      from unnest(v_numbers) with ordinality page (number, position)
      join public.tickets t on t.guild_id = c.guild_id and t.number = page.number
      left join public.ticket_sla s on s.ticket_id = t.id;
  end if;

  return jsonb_build_object('total', v_total, 'limit', p_limit, 'offset', p_offset, 'items', v_items);
end
$$;

-- The ticket with its thread (notes only for staff) and, for staff, its audit history.
create or replace function public.ticket_view(p_ticket text) returns jsonb
language plpgsql stable security invoker set search_path = '' set plan_cache_mode = force_generic_plan
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_number integer := tickets_private.parse_number(p_ticket);
  t public.tickets;
  v_audit jsonb;
begin
  -- The select policy is find_ticket's rule (their own tickets; staff, the categories they handle).
  select x.* into t from public.tickets x where x.guild_id = c.guild_id and x.number = v_number;
  if t.id is null then
    perform tickets_private.fail('ticket_not_found', 'There is no such ticket for you in this server.');
  end if;
  if c.is_staff then
    select coalesce(jsonb_agg(tickets_private.audit_json(a) order by a.id), '[]'::jsonb) into v_audit
      from public.ticket_audit a where a.ticket_id = t.id;
  end if;
  return jsonb_build_object(
    'ticket', tickets_private.ticket_json(t, true),
    'messages', tickets_private.thread_json(t.id, c.is_staff),
    'audit', v_audit
  );
end
$$;
