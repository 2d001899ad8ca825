-- Assignees from Discord's member list (issue 11 §4, last sentence).
--
-- Maxis reads a server's members through Discord's REST API (the dashboard's assignee list, and
-- `/ticket-staff assign member:`) and records here those who hold a staff role (the server's or a
-- category's) or who are admins (Administrator or Manage Server through their roles, or the owner).
-- Anyone recorded that way can be given a ticket of the categories they handle, even if they never
-- handled one; admins any ticket, as before for admins who had acted as staff.

-- Whether Discord said this member is one of the server's admins when Maxis last read them.
alter table public.server_members add column is_admin boolean not null default false;
comment on column public.server_members.is_admin is
  'Administrator or Manage Server through their roles (or the owner), as Discord reported them; admins take any ticket.';

-- Maxis records members of a server as Discord reported them: [{ id, name, roles: [role ids], admin }],
-- at most 1000 per call. With p_complete, the list is everyone who holds one of the server's staff or
-- category roles or is an admin (Maxis read the whole member list): anyone else recorded before keeps
-- no role and no admin flag, so a member who lost their staff role can no longer be given tickets.
-- Only Maxis's system identity (service_role) calls it.
create function public.server_members_sync(p_guild_id text, p_members jsonb, p_complete boolean default false)
returns integer
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
  if p_members is null or jsonb_typeof(p_members) <> 'array' or jsonb_array_length(p_members) > 1000
     or exists (select 1 from jsonb_array_elements(p_members) e
                 where jsonb_typeof(e) <> 'object' or coalesce(e ->> 'id', '') !~ '^[0-9]{1,20}$'
                    or jsonb_typeof(coalesce(e -> 'admin', 'false'::jsonb)) <> 'boolean') then
    perform tickets_private.fail('invalid_members', 'Members are [{ id, name, roles, admin }], at most 1000.');
  end if;
  insert into public.server_members as x (guild_id, user_id, display_name, role_ids, is_admin, refreshed_at)
  select distinct on (e ->> 'id') p_guild_id, e ->> 'id',
         left(coalesce(nullif(btrim(e ->> 'name'), ''), e ->> 'id'), 100),
         tickets_private.parse_role_ids(coalesce(e -> 'roles', '[]'::jsonb)),
         coalesce((e ->> 'admin')::boolean, false), now()
    from jsonb_array_elements(p_members) e
  on conflict (guild_id, user_id) do update
    set display_name = excluded.display_name, role_ids = excluded.role_ids, is_admin = excluded.is_admin,
        refreshed_at = now();
  get diagnostics v_count = row_count;
  if coalesce(p_complete, false) then
    update public.server_members m set role_ids = '{}', is_admin = false, refreshed_at = now()
     where m.guild_id = p_guild_id and (cardinality(m.role_ids) > 0 or m.is_admin)
       and not exists (select 1 from jsonb_array_elements(p_members) e where e ->> 'id' = m.user_id);
  end if;
  return v_count;
end
$$;

-- Whether p_user_id may be given a ticket of category p_category in p_guild_id. Same rule as
-- 20261201010100, plus: a member Discord reported as an admin of the server takes any ticket.
create or replace function tickets_private.can_handle(p_guild_id text, p_user_id text, p_category text) returns boolean
language sql stable set search_path = ''
as $$
  with k as (
    select coalesce((select x.staff_role_ids from public.ticket_categories x
                      where x.guild_id = p_guild_id and x.key = p_category), '{}') as roles
  ), m as (
    select coalesce((select x.role_ids from public.server_members x
                      where x.guild_id = p_guild_id and x.user_id = p_user_id), '{}') as roles,
           coalesce((select x.is_admin from public.server_members x
                      where x.guild_id = p_guild_id and x.user_id = p_user_id), false) as admin
  )
  select m.admin
      or exists (select 1 from public.ticket_staff s
                  where s.guild_id = p_guild_id and s.user_id = p_user_id and s.app_role = 'admin')
      or case when cardinality(k.roles) > 0 then m.roles && k.roles
         else m.roles && coalesce((select s.staff_role_ids from public.server_settings s where s.guild_id = p_guild_id), '{}')
              or exists (select 1 from public.ticket_staff s where s.guild_id = p_guild_id and s.user_id = p_user_id)
         end
    from k, m
$$;

-- Everyone the caller (staff who can see the ticket) may give ticket p_ticket to, by the rule
-- ticket_assign applies (can_handle): members recorded from Discord, people who acted as staff here,
-- and the caller. [{ id, name }] by name (null when Maxis never read it), at most 1000.
create function public.ticket_assignee_pool(p_ticket text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  t public.tickets;
begin
  perform tickets_private.require_staff(c);
  t := tickets_private.find_ticket(c, p_ticket, false);
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', p.user_id, 'name', p.name) order by p.name nulls last, p.user_id)
      from (
        select u.user_id, max(m.display_name) as name
          from (select m.user_id from public.server_members m where m.guild_id = c.guild_id
                union select s.user_id from public.ticket_staff s where s.guild_id = c.guild_id
                union select c.sub) u
          left join public.server_members m on m.guild_id = c.guild_id and m.user_id = u.user_id
         where u.user_id = c.sub or tickets_private.can_handle(c.guild_id, u.user_id, t.category)
         group by u.user_id
         order by max(m.display_name) nulls last, u.user_id
         limit 1000) p), '[]'::jsonb);
end
$$;

-- Privileges --------------------------------------------------------------------------------------------
revoke all on function
  public.server_members_sync(text, jsonb, boolean),
  public.ticket_assignee_pool(text)
from public, anon, authenticated, service_role;
grant execute on function public.server_members_sync(text, jsonb, boolean) to service_role;
grant execute on function public.ticket_assignee_pool(text) to authenticated;
-- create or replace keeps can_handle's privileges (internal: no API role executes it).
