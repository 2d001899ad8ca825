-- One SQL function per ticket action. Each is SECURITY INVOKER (RLS applies to the caller, as the JWT
-- names them), runs as one transaction (one PostgREST call) and refuses bad input with
--   raise exception using errcode = 'P0001', message = '<code>', detail = '<English explanation>'
-- which PostgREST answers as HTTP 400 {"code":"P0001","message":"<code>","details":...}. The codes are
-- listed in src/maxis/tickets/rpc.ts (TicketErrorCode). Someone else's ticket and a ticket that does not
-- exist give the same ticket_not_found with the same detail.

-- Helpers ------------------------------------------------------------------------------------------------

create function tickets_private.fail(p_code text, p_detail text) returns void
language plpgsql
as $$
begin
  raise exception using errcode = 'P0001', message = p_code, detail = p_detail;
end
$$;

create type tickets_private.caller as (sub text, guild_id text, app_role text, is_staff boolean);

-- The acting Discord user and guild from the JWT; every ticket action needs both.
create function tickets_private.current_caller() returns tickets_private.caller
language plpgsql stable set search_path = ''
as $$
declare
  v_claims jsonb := auth.jwt();
  v tickets_private.caller;
begin
  v.sub := v_claims ->> 'sub';
  if v.sub is null or v.sub !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('not_authenticated', 'The request does not name a Discord user.');
  end if;
  v.guild_id := v_claims ->> 'guild_id';
  if v.guild_id is null or v.guild_id !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('guild_required', 'Tickets belong to a server; this request names none.');
  end if;
  v.app_role := coalesce(v_claims ->> 'app_role', 'member');
  v.is_staff := v.app_role in ('agent', 'admin');
  return v;
end
$$;

create function tickets_private.require_staff(c tickets_private.caller) returns void
language plpgsql immutable
as $$
begin
  if not c.is_staff then
    perform tickets_private.fail('staff_only', 'Only staff (agent or admin) may do this.');
  end if;
end
$$;

-- Trimmed text of 1..p_max characters, or <field>_empty / <field>_too_long.
create function tickets_private.required_text(p_value text, p_max integer, p_field text) returns text
language plpgsql immutable
as $$
declare
  v text := btrim(coalesce(p_value, ''), E' \t\r\n');
begin
  if v = '' then
    perform tickets_private.fail(p_field || '_empty', format('The %s is empty.', p_field));
  end if;
  if char_length(v) > p_max then
    perform tickets_private.fail(p_field || '_too_long',
      format('The %s has %s characters; at most %s are allowed.', p_field, char_length(v), p_max));
  end if;
  return v;
end
$$;

create function tickets_private.parse_number(p_ticket text) returns integer
language plpgsql immutable
as $$
declare
  v_match text[] := regexp_match(coalesce(p_ticket, ''), '^\s*#?\s*0*([1-9][0-9]{0,8})\s*$');
begin
  if v_match is null then
    perform tickets_private.fail('invalid_ticket_number', 'A ticket number looks like 42 or #42.');
  end if;
  return v_match[1]::integer;
end
$$;

create function tickets_private.parse_category(p_value text) returns text
language plpgsql stable
as $$
begin
  if p_value is null or not (p_value = any (tickets_private.categories())) then
    perform tickets_private.fail('invalid_category',
      'Categories: ' || array_to_string(tickets_private.categories(), ', ') || '.');
  end if;
  return p_value;
end
$$;

create function tickets_private.parse_priority(p_value text) returns text
language plpgsql stable
as $$
begin
  if p_value is null or not (p_value = any (tickets_private.priorities())) then
    perform tickets_private.fail('invalid_priority',
      'Priorities: ' || array_to_string(tickets_private.priorities(), ', ') || '.');
  end if;
  return p_value;
end
$$;

create function tickets_private.parse_status(p_value text) returns text
language plpgsql stable
as $$
begin
  if p_value is null or not (p_value = any (tickets_private.statuses())) then
    perform tickets_private.fail('invalid_status',
      'Statuses: ' || array_to_string(tickets_private.statuses(), ', ') || '.');
  end if;
  return p_value;
end
$$;

-- LIKE pattern matching p_text anywhere, with the user's % _ \ taken literally.
create function tickets_private.contains_pattern(p_text text) returns text
language sql immutable
as $$
  select '%' || replace(replace(replace(p_text, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

-- The caller's ticket #n in their guild, through RLS; optionally locked for the update that follows.
-- Not visible and not existing are the same answer.
create function tickets_private.find_ticket(c tickets_private.caller, p_ticket text, p_lock boolean)
returns public.tickets
language plpgsql set search_path = ''
as $$
declare
  v_number integer := tickets_private.parse_number(p_ticket);
  v public.tickets;
begin
  if p_lock then
    select t.* into v from public.tickets t
     where t.guild_id = c.guild_id and t.number = v_number and (c.is_staff or t.owner_id = c.sub)
       for update;
  else
    select t.* into v from public.tickets t
     where t.guild_id = c.guild_id and t.number = v_number and (c.is_staff or t.owner_id = c.sub);
  end if;
  if v.id is null then
    perform tickets_private.fail('ticket_not_found', 'There is no such ticket for you in this server.');
  end if;
  return v;
end
$$;

-- At most 5 tickets not closed per member and guild. The advisory lock makes two concurrent creations
-- by the same member queue up, so both cannot see 4.
create function tickets_private.check_open_limit(p_guild_id text, p_owner_id text) returns void
language plpgsql set search_path = ''
as $$
declare
  v_open integer;
begin
  perform pg_advisory_xact_lock(hashtextextended('tickets:' || p_guild_id || ':' || p_owner_id, 0));
  select count(*) into v_open from public.tickets t
   where t.guild_id = p_guild_id and t.owner_id = p_owner_id and t.status <> 'closed';
  if v_open >= 5 then
    perform tickets_private.fail('too_many_open_tickets',
      format('%s tickets are still open; close one first (at most 5).', v_open));
  end if;
end
$$;

-- Each staff write records the caller in the guild's staff directory (the pool of valid assignees).
create function tickets_private.note_staff(c tickets_private.caller) returns void
language sql set search_path = ''
as $$
  insert into public.ticket_staff as s (guild_id, user_id, app_role) values (c.guild_id, c.sub, c.app_role)
  on conflict (guild_id, user_id) do update set app_role = excluded.app_role, last_seen_at = now();
$$;

create function tickets_private.ticket_json(t public.tickets, p_with_description boolean default false)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object(
    'number', t.number, 'guildId', t.guild_id, 'subject', t.subject, 'category', t.category,
    'priority', t.priority, 'status', t.status, 'ownerId', t.owner_id, 'assigneeId', t.assignee_id,
    'createdAt', t.created_at, 'updatedAt', t.updated_at, 'lastActivityAt', t.last_activity_at,
    'firstStaffResponseAt', t.first_staff_response_at, 'closedAt', t.closed_at, 'closedBy', t.closed_by,
    'closeReason', t.close_reason
  ) || case when p_with_description then jsonb_build_object('description', t.description) else '{}'::jsonb end
$$;

create function tickets_private.message_json(m public.ticket_messages) returns jsonb
language sql immutable
as $$
  select jsonb_build_object('id', m.id, 'authorId', m.author_id, 'body', m.body, 'isInternal', m.is_internal,
                            'fromStaff', m.from_staff, 'createdAt', m.created_at)
$$;

create function tickets_private.audit_json(a public.ticket_audit) returns jsonb
language sql immutable
as $$
  select jsonb_build_object('id', a.id, 'action', a.action, 'actorId', a.actor_id, 'actorRole', a.actor_role,
                            'before', a.before, 'after', a.after, 'at', a.at)
$$;

-- The thread as the caller may see it (RLS hides notes from members; the filter says so explicitly).
create function tickets_private.thread_json(p_ticket_id bigint, p_with_internal boolean) returns jsonb
language sql stable set search_path = ''
as $$
  select coalesce(jsonb_agg(tickets_private.message_json(m) order by m.id), '[]'::jsonb)
    from public.ticket_messages m
   where m.ticket_id = p_ticket_id and (p_with_internal or not m.is_internal)
$$;

grant execute on all functions in schema tickets_private to authenticated, service_role;

-- Member actions -------------------------------------------------------------------------------------------

-- Opens a ticket in the caller's guild; the number is the guild's next one.
create function public.ticket_create(
  p_subject text,
  p_description text,
  p_category text default 'general',
  p_priority text default 'medium'
) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_subject text := tickets_private.required_text(p_subject, 100, 'subject');
  v_description text := tickets_private.required_text(p_description, 4000, 'description');
  v_category text := tickets_private.parse_category(p_category);
  v_priority text := tickets_private.parse_priority(p_priority);
  t public.tickets;
begin
  perform tickets_private.check_open_limit(c.guild_id, c.sub);
  insert into public.tickets (guild_id, owner_id, subject, description, category, priority)
  values (c.guild_id, c.sub, v_subject, v_description, v_category, v_priority)
  returning * into t;
  return tickets_private.ticket_json(t, true);
end
$$;

-- One page of the tickets the caller may see, newest first, with the total of all that match.
-- Members: their own. Staff: the guild's; p_mine keeps those assigned to the caller.
-- p_assignee_id: a user id, or 'none' for unassigned.
create function public.ticket_list(
  p_status text default null,
  p_category text default null,
  p_priority text default null,
  p_assignee_id text default null,
  p_mine boolean default false,
  p_search text default null,
  p_limit integer default 10,
  p_offset integer default 0
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
  v_total bigint;
  v_items jsonb;
begin
  if p_limit is null or p_limit not between 1 and 50 or p_offset is null or p_offset not between 0 and 100000 then
    perform tickets_private.fail('invalid_page', 'limit must be 1 to 50 and offset 0 to 100000.');
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
  execute 'select coalesce(jsonb_agg(tickets_private.ticket_json(p.t) order by (p.t).number desc), ''[]''::jsonb)
             from (select t from public.tickets t where ' || v_where || '
                    order by t.number desc limit $8 offset $9) p'
     into v_items
    using c.guild_id, c.sub, v_status, v_category, v_priority, p_assignee_id, v_pattern, p_limit, p_offset;

  return jsonb_build_object('total', v_total, 'limit', p_limit, 'offset', p_offset, 'items', v_items);
end
$$;

-- The ticket with its thread (notes only for staff) and, for staff, its audit history.
create function public.ticket_view(p_ticket text) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  t public.tickets := tickets_private.find_ticket(c, p_ticket, false);
  v_audit jsonb;
begin
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

-- A public reply. Staff: the first one sets first_staff_response_at (once), and p_status may move the
-- ticket. Member: a reply to a ticket waiting for them hands it back to staff.
create function public.ticket_reply(p_ticket text, p_body text, p_status text default null) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_body text := tickets_private.required_text(p_body, 2000, 'message');
  v_status text;
  v_staff_response boolean;
  t public.tickets;
  m public.ticket_messages;
begin
  if p_status is not null then
    perform tickets_private.require_staff(c);
    v_status := tickets_private.parse_status(p_status);
    if v_status = 'closed' then
      perform tickets_private.fail('invalid_status', 'Close a ticket with ticket_close, not with a reply.');
    end if;
  end if;
  t := tickets_private.find_ticket(c, p_ticket, true);
  if t.status = 'closed' then
    perform tickets_private.fail('ticket_closed', format('Ticket #%s is closed; reopen it first.', t.number));
  end if;
  -- Staff answering their own ticket is not a staff response to a member.
  v_staff_response := c.is_staff and c.sub <> t.owner_id;

  insert into public.ticket_messages (ticket_id, author_id, body, is_internal, from_staff)
  values (t.id, c.sub, v_body, false, c.is_staff)
  returning * into m;

  update public.tickets u set
    last_activity_at = now(),
    first_staff_response_at = case when v_staff_response then coalesce(u.first_staff_response_at, now())
                                   else u.first_staff_response_at end,
    first_responder_id = case when v_staff_response then coalesce(u.first_responder_id, c.sub)
                              else u.first_responder_id end,
    status = case
      when c.is_staff then coalesce(v_status, u.status)
      when u.status = 'waiting_for_member' then
        case when u.assignee_id is null then 'open' else 'in_progress' end
      else u.status
    end
  where u.id = t.id
  returning * into t;

  if c.is_staff then
    perform tickets_private.note_staff(c);
  end if;
  return jsonb_build_object('ticket', tickets_private.ticket_json(t), 'message', tickets_private.message_json(m));
end
$$;

-- Closes the ticket, with an optional reason (at most 500 characters) shown to the member.
create function public.ticket_close(p_ticket text, p_reason text default null) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_reason text := nullif(btrim(coalesce(p_reason, ''), E' \t\r\n'), '');
  t public.tickets;
begin
  if char_length(v_reason) > 500 then
    perform tickets_private.fail('reason_too_long',
      format('The reason has %s characters; at most 500 are allowed.', char_length(v_reason)));
  end if;
  t := tickets_private.find_ticket(c, p_ticket, true);
  if t.status = 'closed' then
    perform tickets_private.fail('ticket_already_closed', format('Ticket #%s is already closed.', t.number));
  end if;
  update public.tickets u
     set status = 'closed', closed_at = now(), closed_by = c.sub, close_reason = v_reason, last_activity_at = now()
   where u.id = t.id
  returning * into t;
  if c.is_staff then
    perform tickets_private.note_staff(c);
  end if;
  return tickets_private.ticket_json(t);
end
$$;

-- Opens a closed ticket again. A member reopening counts against their limit of 5 open tickets.
create function public.ticket_reopen(p_ticket text) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  t public.tickets := tickets_private.find_ticket(c, p_ticket, true);
begin
  if t.status <> 'closed' then
    perform tickets_private.fail('ticket_not_closed', format('Ticket #%s is not closed.', t.number));
  end if;
  if not c.is_staff then
    perform tickets_private.check_open_limit(t.guild_id, t.owner_id);
  end if;
  update public.tickets u
     set status = 'open', closed_at = null, closed_by = null, close_reason = null, last_activity_at = now()
   where u.id = t.id
  returning * into t;
  if c.is_staff then
    perform tickets_private.note_staff(c);
  end if;
  return tickets_private.ticket_json(t);
end
$$;

-- Staff actions ---------------------------------------------------------------------------------------------

-- Assigns the ticket to the caller or to someone in the guild's staff directory; null unassigns.
-- The audit row records who assigned (actor) and to whom (after.assignee_id).
create function public.ticket_assign(p_ticket text, p_assignee_id text default null) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  t public.tickets;
begin
  perform tickets_private.require_staff(c);
  if p_assignee_id is not null then
    if p_assignee_id !~ '^[0-9]{1,20}$' then
      perform tickets_private.fail('invalid_assignee', 'An assignee is a Discord user id.');
    end if;
    if p_assignee_id <> c.sub and not exists (
      select 1 from public.ticket_staff s where s.guild_id = c.guild_id and s.user_id = p_assignee_id
    ) then
      perform tickets_private.fail('assignee_not_staff',
        'Tickets go to staff who have already acted on tickets in this server (or to yourself).');
    end if;
  end if;
  t := tickets_private.find_ticket(c, p_ticket, true);
  if t.status = 'closed' then
    perform tickets_private.fail('ticket_closed', format('Ticket #%s is closed; reopen it first.', t.number));
  end if;
  update public.tickets u set assignee_id = p_assignee_id where u.id = t.id returning * into t;
  perform tickets_private.note_staff(c);
  return tickets_private.ticket_json(t);
end
$$;

-- An internal note: staff only, never shown to the member; closed tickets accept notes too.
create function public.ticket_note(p_ticket text, p_body text) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_body text;
  t public.tickets;
  m public.ticket_messages;
begin
  perform tickets_private.require_staff(c);
  v_body := tickets_private.required_text(p_body, 2000, 'message');
  t := tickets_private.find_ticket(c, p_ticket, false);
  insert into public.ticket_messages (ticket_id, author_id, body, is_internal, from_staff)
  values (t.id, c.sub, v_body, true, true)
  returning * into m;
  perform tickets_private.note_staff(c);
  return jsonb_build_object('ticket', tickets_private.ticket_json(t), 'message', tickets_private.message_json(m));
end
$$;

-- Moves the ticket to any status; 'closed' closes it (no reason), leaving 'closed' reopens it.
-- Setting the current status changes nothing and writes no audit row.
create function public.ticket_set_status(p_ticket text, p_status text) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_status text;
  t public.tickets;
begin
  perform tickets_private.require_staff(c);
  v_status := tickets_private.parse_status(p_status);
  t := tickets_private.find_ticket(c, p_ticket, true);
  if t.status <> v_status then
    update public.tickets u set
      status = v_status,
      closed_at = case when v_status = 'closed' then now() end,
      closed_by = case when v_status = 'closed' then c.sub end,
      close_reason = null,
      last_activity_at = now()
    where u.id = t.id
    returning * into t;
  end if;
  perform tickets_private.note_staff(c);
  return tickets_private.ticket_json(t);
end
$$;

create function public.ticket_set_priority(p_ticket text, p_priority text) returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_priority text;
  t public.tickets;
begin
  perform tickets_private.require_staff(c);
  v_priority := tickets_private.parse_priority(p_priority);
  t := tickets_private.find_ticket(c, p_ticket, true);
  update public.tickets u set priority = v_priority where u.id = t.id returning * into t;
  perform tickets_private.note_staff(c);
  return tickets_private.ticket_json(t);
end
$$;

-- Shared reads -----------------------------------------------------------------------------------------------

-- What a transcript file shows: the ticket and its public thread; staff may ask for the notes too.
create function public.ticket_transcript(p_ticket text, p_include_internal boolean default false) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_internal boolean := coalesce(p_include_internal, false);
  t public.tickets;
begin
  if v_internal then
    perform tickets_private.require_staff(c);
  end if;
  t := tickets_private.find_ticket(c, p_ticket, false);
  return jsonb_build_object(
    'ticket', tickets_private.ticket_json(t, true),
    'messages', tickets_private.thread_json(t.id, v_internal),
    'includesInternal', v_internal
  );
end
$$;

-- Up to 25 tickets the caller may see, newest first, whose number starts with the typed digits
-- (a leading # is ignored) or whose subject contains the typed text.
create function public.ticket_autocomplete(p_query text default '') returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_query text := btrim(ltrim(btrim(coalesce(p_query, '')), '#'));
  v_where text := 't.guild_id = $1';
  v_items jsonb;
begin
  if char_length(v_query) > 100 then
    perform tickets_private.fail('search_too_long', 'A search has at most 100 characters.');
  end if;
  if not c.is_staff then
    v_where := v_where || ' and t.owner_id = $2';
  end if;
  if v_query ~ '^[0-9]+$' then
    v_where := v_where || ' and (t.number::text like $3 or t.subject ilike $4)';
  elsif v_query <> '' then
    v_where := v_where || ' and t.subject ilike $4';
  end if;
  execute 'select coalesce(jsonb_agg(jsonb_build_object(''number'', x.number, ''subject'', x.subject,
                                                        ''status'', x.status) order by x.number desc), ''[]''::jsonb)
             from (select t.number, t.subject, t.status from public.tickets t where ' || v_where || '
                    order by t.number desc limit 25) x'
     into v_items
    using c.guild_id, c.sub, v_query || '%', tickets_private.contains_pattern(v_query);
  return v_items;
end
$$;

-- Who may call what: API roles only through these functions; anon nothing. ---------------------------------
revoke all on function
  public.ticket_create(text, text, text, text),
  public.ticket_list(text, text, text, text, boolean, text, integer, integer),
  public.ticket_view(text),
  public.ticket_reply(text, text, text),
  public.ticket_close(text, text),
  public.ticket_reopen(text),
  public.ticket_assign(text, text),
  public.ticket_note(text, text),
  public.ticket_set_status(text, text),
  public.ticket_set_priority(text, text),
  public.ticket_transcript(text, boolean),
  public.ticket_autocomplete(text)
from public, anon, service_role;
grant execute on function
  public.ticket_create(text, text, text, text),
  public.ticket_list(text, text, text, text, boolean, text, integer, integer),
  public.ticket_view(text),
  public.ticket_reply(text, text, text),
  public.ticket_close(text, text),
  public.ticket_reopen(text),
  public.ticket_assign(text, text),
  public.ticket_note(text, text),
  public.ticket_set_status(text, text),
  public.ticket_set_priority(text, text),
  public.ticket_transcript(text, boolean),
  public.ticket_autocomplete(text)
to authenticated;
