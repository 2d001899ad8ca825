-- ticket_list gains the inbox's "time left" (issue 13 §4): each item staff read carries `sla` (the
-- target it waits on and its due time, from ticket_sla; null for members, whom RLS shows no due
-- times, and for tickets without a running target), and p_sort = 'due' orders the page by that due
-- time, soonest (or most overdue) first, tickets without one last. Everything else is the contract of
-- 20261129090000_ticket_list_page_first.sql, still one call for /ticket list and the inbox.
drop function public.ticket_list(text, text, text, text, boolean, text, integer, integer);

create function public.ticket_list(
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
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_status text;
  v_category text;
  v_priority text;
  v_pattern text;
  -- Built from fixed fragments only (values travel as $n parameters), so each call is planned for
  -- exactly the filters it uses. No `t.guild_id = $1` here: the select policy already keeps the
  -- caller's guild, and saying it twice halves the planner's row estimate twice over, so it sorts
  -- every match instead of walking tickets_status_idx backwards for one page ($1 stays bound, unused).
  v_where text := 'true';
  v_order text;
  v_total bigint;
  v_items jsonb;
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
  if p_assignee_id = 'none' then
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

  execute 'select count(*) from public.tickets t where ' || v_where
     into v_total
    using c.guild_id, c.sub, v_status, v_category, v_priority, p_assignee_id, v_pattern;
  -- The page's numbers first, then its rows: by number, picking numbers reads only tickets_status_idx
  -- or tickets_owner_idx (both carry owner_id for the policy), in order, stopping after the page.
  v_order := case when p_sort = 'due'
    then 'select t.number, row_number() over (order by s.next_due_at nulls last, t.number desc) as position
            from public.tickets t left join public.ticket_sla s on s.ticket_id = t.id where ' || v_where || '
           order by s.next_due_at nulls last, t.number desc limit $8 offset $9'
    else 'select t.number, row_number() over (order by t.number desc) as position
            from public.tickets t where ' || v_where || ' order by t.number desc limit $8 offset $9' end;
  execute 'select coalesce(jsonb_agg(tickets_private.ticket_json(t) || jsonb_build_object(''sla'',
               case when s.next_due_at is not null then jsonb_build_object(
                 ''target'', case when t.first_staff_response_at is null and s.first_response_due_at is not null
                                  then ''first_response'' else ''resolution'' end,
                 ''dueAt'', s.next_due_at) end) order by page.position), ''[]''::jsonb)
             from (' || v_order || ') page
             join public.tickets t on t.guild_id = $1 and t.number = page.number
             left join public.ticket_sla s on s.ticket_id = t.id'
     into v_items
    using c.guild_id, c.sub, v_status, v_category, v_priority, p_assignee_id, v_pattern, p_limit, p_offset;

  return jsonb_build_object('total', v_total, 'limit', p_limit, 'offset', p_offset, 'items', v_items);
end
$$;

revoke all on function public.ticket_list(text, text, text, text, boolean, text, integer, integer, text)
  from public, anon, authenticated, service_role;
grant execute on function public.ticket_list(text, text, text, text, boolean, text, integer, integer, text)
  to authenticated;
