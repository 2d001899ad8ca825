-- Support tickets: the tables, who may touch which rows (RLS), and the triggers that number tickets,
-- guard what members may change and write the append-only audit trail.
-- The user actions themselves are SQL functions in 20261124010001_ticket_functions.sql.
--
-- Identities come from the JWT Maxis signs per interaction, read with auth.jwt():
--   sub      Discord user id (a snowflake kept as text: never a UUID, never auth.uid())
--   app_role member | agent | admin  (agent and admin are "staff")
--   guild_id the Discord server the interaction came from
-- Policies read the claims through `(select auth.jwt() ...)` so PostgreSQL evaluates them once per
-- statement (an initPlan), not once per row, as Supabase's RLS performance guide advises.

-- Helpers the API does not expose (PostgREST serves only the `public` schema).
create schema if not exists tickets_private;
revoke all on schema tickets_private from public;
grant usage on schema tickets_private to authenticated, service_role;

-- The closed sets. Category, priority and status are text with a CHECK, not enums, on purpose: enum
-- equality is not LEAKPROOF, and under RLS PostgreSQL refuses to use a non-leakproof condition in an
-- index scan, so `status = 'open'` could not use tickets_status_idx (measured: 100x slower staff lists
-- at 1M tickets). Text equality is leakproof. These functions are the lists the checks spell out.
create function tickets_private.categories() returns text[] language sql immutable
  as $$ select array['general', 'billing', 'technical', 'bug', 'account', 'suggestion'] $$;
create function tickets_private.priorities() returns text[] language sql immutable
  as $$ select array['critical', 'high', 'medium', 'low'] $$;
create function tickets_private.statuses() returns text[] language sql immutable
  as $$ select array['open', 'in_progress', 'waiting_for_member', 'closed'] $$;

-- Tables ------------------------------------------------------------------------------------------------

-- The last ticket number handed out per guild. Only the numbering trigger (security definer) touches
-- it: the row lock of its upsert serialises concurrent creations in one guild, so numbers never repeat.
create table public.ticket_guild_counters (
  guild_id text primary key check (guild_id ~ '^[0-9]{1,20}$'),
  last_number integer not null default 0 check (last_number >= 0)
);

-- One support request by a member of a guild, numbered per guild (#1, #2, ...).
create table public.tickets (
  id bigint generated always as identity primary key,
  guild_id text not null check (guild_id ~ '^[0-9]{1,20}$'),
  number integer not null check (number > 0),
  owner_id text not null check (owner_id ~ '^[0-9]{1,20}$'),
  subject text not null check (char_length(subject) between 1 and 100 and btrim(subject) <> ''),
  description text not null check (char_length(description) between 1 and 4000 and btrim(description) <> ''),
  category text not null default 'general'
    check (category in ('general', 'billing', 'technical', 'bug', 'account', 'suggestion')),
  priority text not null default 'medium' check (priority in ('critical', 'high', 'medium', 'low')),
  status text not null default 'open' check (status in ('open', 'in_progress', 'waiting_for_member', 'closed')),
  assignee_id text check (assignee_id ~ '^[0-9]{1,20}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Last public reply or status change: what "stale" is measured against.
  last_activity_at timestamptz not null default now(),
  first_staff_response_at timestamptz,
  first_responder_id text check (first_responder_id ~ '^[0-9]{1,20}$'),
  closed_at timestamptz,
  -- null with closed_at set: closed by the system (stale tickets).
  closed_by text check (closed_by ~ '^[0-9]{1,20}$'),
  close_reason text check (char_length(close_reason) between 1 and 500),
  constraint tickets_guild_number_key unique (guild_id, number),
  constraint tickets_closed_iff_closed_at check ((status = 'closed') = (closed_at is not null)),
  constraint tickets_closer_needs_close check (closed_at is not null or (closed_by is null and close_reason is null)),
  constraint tickets_first_response_pair check ((first_staff_response_at is null) = (first_responder_id is null)),
  constraint tickets_times_ordered check (
    first_staff_response_at >= created_at and closed_at >= created_at
  )
);
comment on table public.tickets is
  'Support tickets. Members see and act on their own; staff (agent/admin) on their guild''s. Written only through the ticket_* functions.';

-- The thread of a ticket. Internal notes (is_internal) are for staff only.
-- guild_id and ticket_owner_id copy the ticket's (filled by a trigger, never changed) so that the
-- policies below need no join.
create table public.ticket_messages (
  id bigint generated always as identity primary key,
  ticket_id bigint not null references public.tickets (id),
  guild_id text not null,
  ticket_owner_id text not null,
  author_id text not null check (author_id ~ '^[0-9]{1,20}$'),
  body text not null check (char_length(body) between 1 and 2000 and btrim(body) <> ''),
  is_internal boolean not null default false,
  -- The author was staff when writing: how the thread labels the message.
  from_staff boolean not null default false,
  created_at timestamptz not null default now(),
  constraint ticket_messages_internal_is_staff check (not is_internal or from_staff)
);

-- Every insert and change to tickets and messages, written by triggers only. Append-only.
create table public.ticket_audit (
  id bigint generated always as identity primary key,
  guild_id text not null,
  ticket_id bigint not null references public.tickets (id),
  ticket_number integer not null,
  action text not null check (action in (
    'created', 'updated', 'status_changed', 'closed', 'reopened', 'assigned', 'unassigned',
    'priority_changed', 'first_response', 'message_added', 'note_added'
  )),
  -- Discord id from the JWT's sub; null for the system (service role, maintenance).
  actor_id text,
  actor_role text not null,
  -- Changed columns only (before: old values, after: new values); before is null on insert.
  before jsonb,
  after jsonb,
  at timestamptz not null default now()
);

-- The people who have acted as staff in a guild: the only valid assignees besides the caller.
-- Staff register themselves (each staff write action upserts the caller's row).
create table public.ticket_staff (
  guild_id text not null check (guild_id ~ '^[0-9]{1,20}$'),
  user_id text not null check (user_id ~ '^[0-9]{1,20}$'),
  app_role text not null check (app_role in ('agent', 'admin')),
  last_seen_at timestamptz not null default now(),
  primary key (guild_id, user_id)
);

-- Indexes: one per policy column set and per list/lookup query ------------------------------------------
-- (guild_id, number) is the unique key above: lookups by #number, staff lists in number order.
create index tickets_owner_idx on public.tickets (guild_id, owner_id, number desc);       -- member policy, lists, open limit
-- owner_id is included so that counts can be index-only scans: the select policy reads it.
create index tickets_status_idx on public.tickets (guild_id, status, number desc) include (owner_id); -- staff ?status=
create index tickets_assignee_idx on public.tickets (guild_id, assignee_id, number desc) include (owner_id)
  where assignee_id is not null;                                                            -- staff list ?assignee=, "mine"
create index tickets_created_idx on public.tickets (guild_id, created_at);               -- stats windows
create index tickets_not_closed_idx on public.tickets (last_activity_at)
  include (guild_id, status) where status <> 'closed';                                     -- open counts, stale closing
create index ticket_messages_ticket_idx on public.ticket_messages (ticket_id, id);        -- thread
create index ticket_audit_ticket_idx on public.ticket_audit (ticket_id, id);              -- history

-- Privileges: least privilege first, then RLS decides which rows ----------------------------------------
revoke all on public.ticket_guild_counters, public.tickets, public.ticket_messages, public.ticket_audit,
  public.ticket_staff from public, anon, authenticated;
grant select, insert, update on public.tickets to authenticated;
grant select, insert on public.ticket_messages to authenticated;
grant select on public.ticket_audit to authenticated;
grant select, insert, update on public.ticket_staff to authenticated;

alter table public.ticket_guild_counters enable row level security;
alter table public.tickets enable row level security;
alter table public.ticket_messages enable row level security;
alter table public.ticket_audit enable row level security;
alter table public.ticket_staff enable row level security;
-- ticket_guild_counters: no policy at all; only the numbering trigger (as the owner) uses it.

-- tickets
-- One policy (rather than one per role) so the planner sees a single AND of indexed, leakproof
-- conditions instead of an OR of two policies.
create policy "members read their own tickets, staff their guild's" on public.tickets
  for select to authenticated
  using (
    guild_id = (select auth.jwt() ->> 'guild_id')
    and (owner_id = (select auth.jwt() ->> 'sub') or (select auth.jwt() ->> 'app_role') in ('agent', 'admin'))
  );
create policy "anyone signed in opens a fresh ticket for themselves in their guild" on public.tickets
  for insert to authenticated
  with check (
    owner_id = (select auth.jwt() ->> 'sub')
    and guild_id = (select auth.jwt() ->> 'guild_id')
    and status = 'open' and assignee_id is null and first_staff_response_at is null and closed_at is null
  );
-- Which columns a member may change is enforced by the tickets_guard trigger below.
create policy "members update their own tickets" on public.tickets
  for update to authenticated
  using (owner_id = (select auth.jwt() ->> 'sub'))
  with check (owner_id = (select auth.jwt() ->> 'sub'));
create policy "staff update their guild's tickets" on public.tickets
  for update to authenticated
  using ((select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id'))
  with check ((select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id'));
-- No delete policy: tickets are closed, never deleted.

-- ticket_messages
create policy "members read the public thread of their own tickets" on public.ticket_messages
  for select to authenticated
  using (ticket_owner_id = (select auth.jwt() ->> 'sub') and not is_internal);
create policy "staff read their guild's threads, notes included" on public.ticket_messages
  for select to authenticated
  using ((select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id'));
create policy "members post public messages on their own tickets" on public.ticket_messages
  for insert to authenticated
  with check (
    author_id = (select auth.jwt() ->> 'sub') and ticket_owner_id = (select auth.jwt() ->> 'sub')
    and not is_internal and not from_staff
  );
create policy "staff post messages and notes in their guild" on public.ticket_messages
  for insert to authenticated
  with check (
    author_id = (select auth.jwt() ->> 'sub') and from_staff
    and (select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id')
  );
-- No update or delete policy: a thread is a record.

-- ticket_audit: staff read their guild's history; nobody writes except the triggers, nobody changes it.
create policy "staff read their guild's audit trail" on public.ticket_audit
  for select to authenticated
  using ((select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id'));

-- ticket_staff: staff see their guild's directory and register only themselves.
create policy "staff read their guild's staff directory" on public.ticket_staff
  for select to authenticated
  using ((select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id'));
create policy "staff register themselves" on public.ticket_staff
  for insert to authenticated
  with check (
    user_id = (select auth.jwt() ->> 'sub') and app_role = (select auth.jwt() ->> 'app_role')
    and guild_id = (select auth.jwt() ->> 'guild_id')
  );
create policy "staff refresh their own entry" on public.ticket_staff
  for update to authenticated
  using (user_id = (select auth.jwt() ->> 'sub') and guild_id = (select auth.jwt() ->> 'guild_id'))
  with check (
    user_id = (select auth.jwt() ->> 'sub') and app_role = (select auth.jwt() ->> 'app_role')
    and guild_id = (select auth.jwt() ->> 'guild_id')
  );

-- Triggers ----------------------------------------------------------------------------------------------

-- Hands out the next number of the ticket's guild, whatever the insert said. Security definer because
-- the counters are not writable by API roles (a member could otherwise skip or reuse numbers).
create function tickets_private.number_ticket() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.ticket_guild_counters as c (guild_id, last_number) values (new.guild_id, 1)
  on conflict (guild_id) do update set last_number = c.last_number + 1
  returning c.last_number into new.number;
  return new;
end
$$;

-- What an API caller may not decide on insert: the clock.
create function tickets_private.prepare_ticket() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if current_user = 'authenticated' then
    new.created_at := now();
    new.updated_at := now();
    new.last_activity_at := now();
  end if;
  return new;
end
$$;

-- Identity and history never change; members change only what closing, reopening and replying need.
create function tickets_private.guard_ticket() returns trigger
language plpgsql security invoker set search_path = ''
as $$
declare
  v_sub text := auth.jwt() ->> 'sub';
begin
  if new.id <> old.id or new.guild_id <> old.guild_id or new.number <> old.number
     or new.owner_id <> old.owner_id or new.created_at <> old.created_at then
    raise exception using errcode = '42501', message = 'ticket identity columns are read-only';
  end if;
  if current_user = 'authenticated' then
    if new.subject <> old.subject or new.description <> old.description then
      raise exception using errcode = '42501', message = 'ticket subject and description are read-only';
    end if;
    if coalesce(auth.jwt() ->> 'app_role', '') not in ('agent', 'admin') and (
         new.category <> old.category or new.priority <> old.priority
         or new.assignee_id is distinct from old.assignee_id
         or new.first_staff_response_at is distinct from old.first_staff_response_at
         or new.first_responder_id is distinct from old.first_responder_id
         or (new.closed_by is distinct from old.closed_by and new.closed_by <> v_sub)
         or (new.status <> old.status and not (
              new.status = 'closed'
              or (old.status = 'closed' and new.status = 'open')
              or (old.status = 'waiting_for_member' and new.status in ('open', 'in_progress'))
            ))
       ) then
      raise exception using errcode = '42501', message = 'members may only reply to, close and reopen their tickets';
    end if;
  end if;
  new.updated_at := now();
  return new;
end
$$;

-- A message belongs to the guild and owner of its ticket, read through the caller's own RLS view of
-- tickets: posting on a ticket you cannot see fails as if it did not exist.
create function tickets_private.prepare_message() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  select t.guild_id, t.owner_id into new.guild_id, new.ticket_owner_id
    from public.tickets t where t.id = new.ticket_id;
  if not found then
    raise exception using errcode = 'P0001', message = 'ticket_not_found', detail = 'No such ticket.';
  end if;
  if current_user = 'authenticated' then
    new.created_at := now();
  end if;
  return new;
end
$$;

-- Who did it, as the JWT says: a Discord user with their app_role, or the service role (the system).
create function tickets_private.actor() returns table (actor_id text, actor_role text)
language sql stable set search_path = ''
as $$
  select auth.jwt() ->> 'sub',
         coalesce(auth.jwt() ->> 'app_role', auth.jwt() ->> 'role', session_user::text)
$$;

-- Security definer: API roles cannot insert audit rows themselves.
create function tickets_private.audit_ticket() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_old jsonb;
  v_new jsonb;
  v_before jsonb;
  v_after jsonb;
  v_action text;
begin
  if tg_op = 'INSERT' then
    v_action := 'created';
    v_after := to_jsonb(new);
  else
    -- Bookkeeping columns alone are not a change worth a row.
    v_old := to_jsonb(old) - array['updated_at', 'last_activity_at'];
    v_new := to_jsonb(new) - array['updated_at', 'last_activity_at'];
    select jsonb_object_agg(o.key, o.value), jsonb_object_agg(o.key, v_new -> o.key)
      into v_before, v_after
      from jsonb_each(v_old) o
     where v_new -> o.key is distinct from o.value;
    if v_before is null then
      return null;
    end if;
    v_action := case
      when new.status <> old.status then
        case when new.status = 'closed' then 'closed' when old.status = 'closed' then 'reopened' else 'status_changed' end
      when new.assignee_id is distinct from old.assignee_id then
        case when new.assignee_id is null then 'unassigned' else 'assigned' end
      when new.priority <> old.priority then 'priority_changed'
      when old.first_staff_response_at is null and new.first_staff_response_at is not null then 'first_response'
      else 'updated'
    end;
  end if;
  insert into public.ticket_audit (guild_id, ticket_id, ticket_number, action, actor_id, actor_role, before, after)
  select new.guild_id, new.id, new.number, v_action, a.actor_id, a.actor_role, v_before, v_after
    from tickets_private.actor() a;
  return null;
end
$$;

create function tickets_private.audit_message() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.ticket_audit (guild_id, ticket_id, ticket_number, action, actor_id, actor_role, before, after)
  select new.guild_id, new.ticket_id, t.number,
         case when new.is_internal then 'note_added' else 'message_added' end,
         a.actor_id, a.actor_role, null,
         jsonb_build_object('message_id', new.id, 'author_id', new.author_id, 'is_internal', new.is_internal,
                            'body', new.body)
    from public.tickets t, tickets_private.actor() a
   where t.id = new.ticket_id;
  return null;
end
$$;

create function tickets_private.refuse_audit_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = '42501', message = format('%s is append-only', tg_table_name);
end
$$;

create trigger tickets_10_number before insert on public.tickets
  for each row execute function tickets_private.number_ticket();
create trigger tickets_20_prepare before insert on public.tickets
  for each row execute function tickets_private.prepare_ticket();
create trigger tickets_30_guard before update on public.tickets
  for each row execute function tickets_private.guard_ticket();
create trigger tickets_90_audit after insert or update on public.tickets
  for each row execute function tickets_private.audit_ticket();
create trigger ticket_messages_10_prepare before insert on public.ticket_messages
  for each row execute function tickets_private.prepare_message();
create trigger ticket_messages_90_audit after insert on public.ticket_messages
  for each row execute function tickets_private.audit_message();
create trigger ticket_audit_append_only before update or delete on public.ticket_audit
  for each row execute function tickets_private.refuse_audit_change();
create trigger ticket_audit_no_truncate before truncate on public.ticket_audit
  for each statement execute function tickets_private.refuse_audit_change();

-- Messages are never edited or deleted either, whoever asks.
create trigger ticket_messages_append_only before update or delete on public.ticket_messages
  for each row execute function tickets_private.refuse_audit_change();

revoke all on all functions in schema tickets_private from public, anon;
