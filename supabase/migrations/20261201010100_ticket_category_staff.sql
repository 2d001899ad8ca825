-- Staff by role, per category (issue 11 §4).
--
-- A category with staff roles of its own (ticket_categories.staff_role_ids) is visible to, and can be
-- assigned to, only members holding one of those roles, and the server's admins. The JWT Maxis signs
-- per interaction and per dashboard session carries the member's Discord role ids (`roles`); the
-- policies and the definer functions read them through tickets_private.staff_categories(), evaluated
-- once per statement. A category without staff roles (the default) is every staff member's.
--
-- Assignees: anyone Maxis has seen holding one of the server's staff roles (or the category's), as
-- Discord reported them (public.server_members, written by Maxis's system identity from the signed
-- interaction or Discord's REST API), not only people who already handled a ticket.
-- The open-ticket limit becomes the server's (server_settings.open_ticket_limit, 5 when unset), and a
-- member opens tickets only in the server's enabled categories.

-- The caller's Discord role ids, from the JWT (an empty list when it names none).
create function tickets_private.jwt_roles() returns text[]
language sql stable set search_path = ''
as $$
  select case when jsonb_typeof(auth.jwt() -> 'roles') = 'array'
    then array(select jsonb_array_elements_text(auth.jwt() -> 'roles')) else '{}'::text[] end
$$;

-- The categories whose tickets the caller handles as staff in the JWT's server: all for admins; for
-- agents, those without staff roles of their own and those whose roles they hold; none for members.
-- Security definer: members cannot read ticket_categories, and the answer concerns only the caller.
create function tickets_private.staff_categories() returns text[]
language sql stable security definer set search_path = ''
as $$
  select case coalesce(auth.jwt() ->> 'app_role', 'member')
    when 'admin' then tickets_private.categories()
    when 'agent' then array(
      select d.key from unnest(tickets_private.categories()) d (key)
       where not exists (
         select 1 from public.ticket_categories k
          where k.guild_id = auth.jwt() ->> 'guild_id' and k.key = d.key
            and cardinality(k.staff_role_ids) > 0 and not (k.staff_role_ids && tickets_private.jwt_roles())))
    else '{}'::text[]
  end
$$;

-- Members Maxis has seen in a server, with their roles as Discord reported them, so staff can assign
-- tickets to anyone holding a staff role. Written only by server_members_record (Maxis's system
-- identity); read only through ticket_assignees and ticket_assign.
create table public.server_members (
  guild_id text not null check (guild_id ~ '^[0-9]{1,20}$'),
  user_id text not null check (user_id ~ '^[0-9]{1,20}$'),
  display_name text not null check (char_length(display_name) between 1 and 100),
  role_ids text[] not null default '{}'
    check (cardinality(role_ids) <= 250 and tickets_private.snowflakes_ok(role_ids)),
  refreshed_at timestamptz not null default now(),
  primary key (guild_id, user_id)
);
comment on table public.server_members is
  'Discord members and their roles as Maxis last saw them; the pool of assignees. Written by server_members_record only.';
revoke all on public.server_members from public, anon, authenticated, service_role;
alter table public.server_members enable row level security;
-- No policy: no API role reads or writes it directly.

-- The tickets a caller may see: their own, and as staff the categories they handle. Replaces the
-- policy of 20261124010000_tickets.sql. Text equality against an array is leakproof, so the policy
-- still lets the planner walk the indexes below; category joins their INCLUDE lists so that counts
-- stay index-only scans.
drop policy "members read their own tickets, staff their guild's" on public.tickets;
create policy "members read their own tickets, staff their server's in the categories they handle" on public.tickets
  for select to authenticated
  using (
    guild_id = (select auth.jwt() ->> 'guild_id')
    and (owner_id = (select auth.jwt() ->> 'sub') or category = any ((select tickets_private.staff_categories())::text[]))
  );

drop index public.tickets_owner_idx;
create index tickets_owner_idx on public.tickets (guild_id, owner_id, number desc) include (category);
drop index public.tickets_status_idx;
create index tickets_status_idx on public.tickets (guild_id, status, number desc) include (owner_id, category);
drop index public.tickets_assignee_idx;
create index tickets_assignee_idx on public.tickets (guild_id, assignee_id, number desc) include (owner_id, category)
  where assignee_id is not null;
-- Staff lists without a status filter walk the unique (guild_id, number) index; this one carries what
-- the policy reads so that the total is an index-only count too.
create index tickets_guild_number_idx on public.tickets (guild_id, number desc) include (owner_id, category);

-- Threads and history follow their ticket: staff read them only for tickets they can see.
drop policy "staff read their guild's threads, notes included" on public.ticket_messages;
create policy "staff read the threads of the tickets they handle, notes included" on public.ticket_messages
  for select to authenticated
  using (
    (select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id')
    and exists (select 1 from public.tickets t where t.id = ticket_id)
  );
drop policy "staff read their guild's audit trail" on public.ticket_audit;
create policy "staff read the history of the tickets they handle" on public.ticket_audit
  for select to authenticated
  using (
    (select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id')
    and exists (select 1 from public.tickets t where t.id = ticket_id)
  );

-- The writers (definers) find tickets here: the same rule as the policy, stated explicitly.
create or replace function tickets_private.find_ticket(c tickets_private.caller, p_ticket text, p_lock boolean)
returns public.tickets
language plpgsql set search_path = ''
as $$
declare
  v_number integer := tickets_private.parse_number(p_ticket);
  v_categories text[] := tickets_private.staff_categories();
  v public.tickets;
begin
  if p_lock then
    select t.* into v from public.tickets t
     where t.guild_id = c.guild_id and t.number = v_number
       and (t.owner_id = c.sub or (c.is_staff and t.category = any (v_categories)))
       for update;
  else
    select t.* into v from public.tickets t
     where t.guild_id = c.guild_id and t.number = v_number
       and (t.owner_id = c.sub or (c.is_staff and t.category = any (v_categories)));
  end if;
  if v.id is null then
    perform tickets_private.fail('ticket_not_found', 'There is no such ticket for you in this server.');
  end if;
  return v;
end
$$;

-- The server's limit of tickets not closed per member (5 until its admins change it).
create or replace function tickets_private.check_open_limit(p_guild_id text, p_owner_id text) returns void
language plpgsql set search_path = ''
as $$
declare
  v_open integer;
  v_limit integer;
begin
  perform pg_advisory_xact_lock(hashtextextended('tickets:' || p_guild_id || ':' || p_owner_id, 0));
  select coalesce((select s.open_ticket_limit from public.server_settings s where s.guild_id = p_guild_id), 5)
    into v_limit;
  select count(*) into v_open from public.tickets t
   where t.guild_id = p_guild_id and t.owner_id = p_owner_id and t.status <> 'closed';
  if v_open >= v_limit then
    perform tickets_private.fail('too_many_open_tickets',
      format('%s tickets are still open; close one first (at most %s).', v_open, v_limit));
  end if;
end
$$;

-- Opens a ticket in the caller's guild, in one of the server's enabled categories (any of the six for a
-- server Maxis has no settings for yet). Same contract as 20261129070000; still SECURITY DEFINER.
create or replace function public.ticket_create(
  p_subject text,
  p_description text,
  p_category text default 'general',
  p_priority text default 'medium',
  p_locale text default 'en'
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_subject text := tickets_private.required_text(p_subject, 100, 'subject');
  v_description text := tickets_private.required_text(p_description, 4000, 'description');
  v_category text := tickets_private.parse_category(p_category);
  v_priority text := tickets_private.parse_priority(p_priority);
  v_locale text := tickets_private.parse_locale(p_locale);
  t public.tickets;
begin
  if exists (select 1 from public.ticket_categories k where k.guild_id = c.guild_id)
     and not exists (select 1 from public.ticket_categories k
                      where k.guild_id = c.guild_id and k.key = v_category and k.enabled) then
    perform tickets_private.fail('category_disabled', 'This server does not take tickets in that category.');
  end if;
  perform tickets_private.check_open_limit(c.guild_id, c.sub);
  insert into public.tickets (guild_id, owner_id, subject, description, category, priority, owner_locale)
  values (c.guild_id, c.sub, v_subject, v_description, v_category, v_priority, v_locale)
  returning * into t;
  return tickets_private.ticket_json(t, true);
end
$$;

-- Whether p_user_id may be given a ticket of category p_category in p_guild_id: they hold one of the
-- category's staff roles (when it has some) or, for other categories, one of the server's staff roles
-- or they have already acted as staff there (ticket_staff); an admin who acted as staff takes any.
create function tickets_private.can_handle(p_guild_id text, p_user_id text, p_category text) returns boolean
language sql stable set search_path = ''
as $$
  with k as (
    select coalesce((select x.staff_role_ids from public.ticket_categories x
                      where x.guild_id = p_guild_id and x.key = p_category), '{}') as roles
  ), m as (
    select coalesce((select x.role_ids from public.server_members x
                      where x.guild_id = p_guild_id and x.user_id = p_user_id), '{}') as roles
  )
  select exists (select 1 from public.ticket_staff s
                  where s.guild_id = p_guild_id and s.user_id = p_user_id and s.app_role = 'admin')
      or case when cardinality(k.roles) > 0 then m.roles && k.roles
         else m.roles && coalesce((select s.staff_role_ids from public.server_settings s where s.guild_id = p_guild_id), '{}')
              or exists (select 1 from public.ticket_staff s where s.guild_id = p_guild_id and s.user_id = p_user_id)
         end
    from k, m
$$;

-- Assigns the ticket to the caller or to someone who handles its category; null unassigns.
-- Same contract as 20261124010001; SECURITY DEFINER as since 20261130150000.
create or replace function public.ticket_assign(p_ticket text, p_assignee_id text default null) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  t public.tickets;
begin
  perform tickets_private.require_staff(c);
  if p_assignee_id is not null and p_assignee_id !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('invalid_assignee', 'An assignee is a Discord user id.');
  end if;
  t := tickets_private.find_ticket(c, p_ticket, true);
  if p_assignee_id is not null and p_assignee_id <> c.sub
     and not tickets_private.can_handle(c.guild_id, p_assignee_id, t.category) then
    perform tickets_private.fail('assignee_not_staff',
      'Tickets go to members holding a staff role that handles this category (or to yourself).');
  end if;
  if t.status = 'closed' then
    perform tickets_private.fail('ticket_closed', format('Ticket #%s is closed; reopen it first.', t.number));
  end if;
  update public.tickets u set assignee_id = p_assignee_id where u.id = t.id returning * into t;
  perform tickets_private.note_staff(c);
  return tickets_private.ticket_json(t);
end
$$;

-- Maxis records members of a server as Discord reported them: [{ id, name, roles: [role ids] }], at most
-- 100 per call. Only Maxis's system identity (service_role) calls it.
create function public.server_members_record(p_guild_id text, p_members jsonb) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_count integer;
begin
  if coalesce(auth.jwt() ->> 'role', '') <> 'service_role' then
    perform tickets_private.fail('not_authenticated', 'Only Maxis records what Discord says about members.');
  end if;
  if p_guild_id is null or p_guild_id !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('guild_required', 'A guild is a Discord server id.');
  end if;
  if p_members is null or jsonb_typeof(p_members) <> 'array' or jsonb_array_length(p_members) > 100
     or exists (select 1 from jsonb_array_elements(p_members) e
                 where jsonb_typeof(e) <> 'object' or coalesce(e ->> 'id', '') !~ '^[0-9]{1,20}$') then
    perform tickets_private.fail('invalid_members', 'Members are [{ id, name, roles }], at most 100.');
  end if;
  insert into public.server_members as x (guild_id, user_id, display_name, role_ids, refreshed_at)
  select p_guild_id, e ->> 'id',
         left(coalesce(nullif(btrim(e ->> 'name'), ''), e ->> 'id'), 100),
         tickets_private.parse_role_ids(coalesce(e -> 'roles', '[]'::jsonb)), now()
    from jsonb_array_elements(p_members) e
  on conflict (guild_id, user_id) do update
    set display_name = excluded.display_name, role_ids = excluded.role_ids, refreshed_at = now();
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- Who the caller (staff) may give a ticket to: members Maxis has seen holding one of the server's
-- staff roles, or of p_category's when it has its own; p_query filters names. At most 25, by name.
create function public.ticket_assignees(p_category text default null, p_query text default '') returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_roles text[];
begin
  perform tickets_private.require_staff(c);
  if p_category is not null then
    perform tickets_private.parse_category(p_category);
    if not (p_category = any (tickets_private.staff_categories())) then
      perform tickets_private.fail('invalid_category', 'You do not handle this category.');
    end if;
    select k.staff_role_ids into v_roles from public.ticket_categories k
     where k.guild_id = c.guild_id and k.key = p_category;
  end if;
  if coalesce(cardinality(v_roles), 0) = 0 then
    select s.staff_role_ids into v_roles from public.server_settings s where s.guild_id = c.guild_id;
  end if;
  if char_length(coalesce(p_query, '')) > 100 then
    perform tickets_private.fail('search_too_long', 'A search has at most 100 characters.');
  end if;
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', x.user_id, 'name', x.display_name) order by x.display_name, x.user_id)
      from (select m.user_id, m.display_name from public.server_members m
             where m.guild_id = c.guild_id and m.role_ids && coalesce(v_roles, '{}')
               and m.display_name ilike tickets_private.contains_pattern(btrim(coalesce(p_query, '')))
             order by m.display_name, m.user_id limit 25) x), '[]'::jsonb);
end
$$;

-- Privileges --------------------------------------------------------------------------------------------
revoke all on function
  tickets_private.jwt_roles(),
  tickets_private.staff_categories(),
  tickets_private.can_handle(text, text, text),
  public.server_members_record(text, jsonb),
  public.ticket_assignees(text, text)
from public, anon, authenticated, service_role;
-- The select policy on tickets and find_ticket (called by the SECURITY INVOKER reads) call
-- staff_categories as authenticated.
grant execute on function tickets_private.staff_categories() to authenticated;
grant execute on function public.ticket_assignees(text, text) to authenticated;
grant execute on function public.server_members_record(text, jsonb) to service_role;
-- create or replace keeps the grants of ticket_create, ticket_assign, find_ticket and check_open_limit.
