-- Staff ticket list and view with less work per call (issue 11, last "Done when" point:
-- bench/tickets.bench.ts at 1,000,000 tickets with per-category staff on).
-- What the staff cases paid for and the members' did not, measured with pg_stat_statements and the
-- backend's CPU time:
--   * tickets_private.staff_categories() runs once per statement that reads tickets (the select
--     policy's initPlan, and again inside the thread and history policies' `exists` on tickets): three
--     times per staff list and per staff view. Each run was three nested SQL functions (categories(),
--     and jwt_roles() once per category row), each parsing the JWT claims again and each with its own
--     executor start: about a quarter of a staff view's server time. It is now one PL/pgSQL function
--     reading the claims once and the server's categories in one indexed statement.
--   * a staff list counted its status (or all tickets) in one statement and read the page's numbers
--     in a second, with the policy (and staff_categories) evaluated for each: one index pass now
--     gives both.
--   * a list item's JSON was a SQL function (list_item_json) calling another (ticket_json) per row;
--     neither can be inlined (they set search_path), so each row paid two function executions and
--     read the ticket's fields out of a composite value field by field. list_item_json is now
--     PL/pgSQL, which keeps the row unpacked and evaluates its expression without an executor.
-- Results, errors and their order are those of 20261203020000_ticket_list_view_fast.sql and
-- 20261201010100_ticket_category_staff.sql; RLS still decides every row.
-- Redefines tickets_private.staff_categories, tickets_private.list_item_json and public.ticket_list
-- (same signatures, same grants).

-- The categories whose tickets the caller handles as staff in the JWT's server, in the server's order:
-- all for admins; for agents, those without staff roles of their own and those whose roles they hold
-- (the server's six defaults when it has no categories yet); none for members.
-- Security definer: members cannot read ticket_categories, and the answer concerns only the caller.
create or replace function tickets_private.staff_categories() returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_claims jsonb := auth.jwt();
  v_role text := coalesce(v_claims ->> 'app_role', 'member');
  v_roles text[] := '{}';
  v_count bigint;
  v_keys text[];
begin
  if v_role not in ('admin', 'agent') then
    return '{}'::text[];
  end if;
  if v_role = 'agent' and jsonb_typeof(v_claims -> 'roles') = 'array' then
    v_roles := array(select jsonb_array_elements_text(v_claims -> 'roles'));
  end if;
  -- An agent loses a category only when it has staff roles and they hold none of them.
  select count(*),
         coalesce(array_agg(k.key order by k.sort_order, k.key) filter (
           where v_role = 'admin'
              or (cardinality(k.staff_role_ids) > 0 and not (k.staff_role_ids && v_roles)) is not true), '{}')
    into v_count, v_keys
    from public.ticket_categories k where k.guild_id = v_claims ->> 'guild_id';
  return case when v_count > 0 then v_keys else tickets_private.default_category_keys() end;
end
$$;

-- One item of a list: the ticket and the due time it waits on (`sla`, null without one, and for
-- members, whom RLS shows no due times). `s` is the ticket's ticket_sla row, or null.
create or replace function tickets_private.list_item_json(t public.tickets, s public.ticket_sla) returns jsonb
language plpgsql immutable set search_path = ''
as $$
begin
  return tickets_private.ticket_json(t) || jsonb_build_object('sla',
    case when s.next_due_at is not null then jsonb_build_object(
      'target', case when t.first_staff_response_at is null and s.first_response_due_at is not null
                     then 'first_response' else 'resolution' end,
      'dueAt', s.next_due_at) end);
end
$$;

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
    -- One pass over the index gives the total and the page: the numbers come in index order (no sort).
    select count(*), (array_agg(t.number order by t.number desc))[p_offset + 1 : p_offset + p_limit]
      into v_total, v_numbers
      from public.tickets t where t.status = v_status;
  elsif p_sort = 'number' and v_where = 'true' then
    select count(*), (array_agg(t.number order by t.number desc))[p_offset + 1 : p_offset + p_limit]
      into v_total, v_numbers
      from public.tickets t;
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
