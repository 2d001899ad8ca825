-- Canned replies (issue 11 §6): per-server snippets staff insert into a reply, from `/ticket reply
-- snippet:` in Discord or the dashboard's composer. Each has a name and an English and a French text
-- which may contain the variables {member}, {ticket}, {agent} and {server}; Maxis fills them in
-- (src/maxis/snippets/render.ts, one pure function) in the ticket's language before the reply is sent.
--
-- Who may do what:
--   * the server's staff (agents and admins) read and use them: RLS on the table, and the functions
--     ticket_snippet_list, ticket_snippet_choices and ticket_snippet_draft, all SECURITY INVOKER;
--   * the server's admins (Administrator or Manage Server) create, change and delete them, only through
--     the SECURITY DEFINER functions below, each change one row of ticket_snippet_audit. Admins, not
--     every agent: a snippet speaks for the server to every member who gets it, like the panel's texts
--     and the categories' labels, which admins own too;
--   * members and other servers see nothing of them.

-- Tables ------------------------------------------------------------------------------------------------

create table public.ticket_snippets (
  id bigint generated always as identity primary key,
  guild_id text not null check (guild_id ~ '^[0-9]{1,20}$'),
  -- What staff type after snippet: (Discord's choice names are at most 100 characters).
  name text not null check (char_length(name) between 1 and 50 and name !~ '[[:cntrl:]]' and btrim(name) = name),
  -- Either text may be empty, not both: a snippet written in one language is sent in that one.
  body_en text not null default '' check (char_length(body_en) <= 2000),
  body_fr text not null default '' check (char_length(body_fr) <= 2000),
  created_by text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ticket_snippets_some_text check (body_en <> '' or body_fr <> '')
);
comment on table public.ticket_snippets is
  'Canned replies of a server. Its staff read and use them; its admins change them through ticket_snippet_create|update|delete.';
-- One name per server, whatever its case: `snippet:Refund` and `snippet:refund` are the same snippet.
create unique index ticket_snippets_name_idx on public.ticket_snippets (guild_id, lower(name));

-- Every change to a server's snippets: who, before, after. Append-only.
create table public.ticket_snippet_audit (
  id bigint generated always as identity primary key,
  guild_id text not null,
  snippet_id bigint not null,
  action text not null check (action in ('created', 'updated', 'deleted')),
  actor_id text,
  actor_role text not null,
  before jsonb,
  after jsonb,
  at timestamptz not null default now()
);
create index ticket_snippet_audit_guild_idx on public.ticket_snippet_audit (guild_id, id);
create trigger ticket_snippet_audit_append_only before update or delete on public.ticket_snippet_audit
  for each row execute function tickets_private.refuse_audit_change();
create trigger ticket_snippet_audit_no_truncate before truncate on public.ticket_snippet_audit
  for each statement execute function tickets_private.refuse_audit_change();

-- Privileges and policies -------------------------------------------------------------------------------
revoke all on public.ticket_snippets, public.ticket_snippet_audit from public, anon, authenticated, service_role;
revoke all on sequence public.ticket_snippets_id_seq, public.ticket_snippet_audit_id_seq
  from public, anon, authenticated, service_role;
grant select on public.ticket_snippets, public.ticket_snippet_audit to authenticated;

alter table public.ticket_snippets enable row level security;
alter table public.ticket_snippet_audit enable row level security;

create policy "staff read their server's snippets" on public.ticket_snippets
  for select to authenticated
  using ((select auth.jwt() ->> 'app_role') in ('agent', 'admin') and guild_id = (select auth.jwt() ->> 'guild_id'));
create policy "admins read their server's snippet history" on public.ticket_snippet_audit
  for select to authenticated
  using ((select auth.jwt() ->> 'app_role') = 'admin' and guild_id = (select auth.jwt() ->> 'guild_id'));
-- No write policy: writes go through the definer functions only.

-- Helpers ------------------------------------------------------------------------------------------------

create function tickets_private.snippet_json(s public.ticket_snippets) returns jsonb
language sql immutable set search_path = ''
as $$
  select jsonb_build_object('id', s.id, 'name', s.name, 'bodyEn', s.body_en, 'bodyFr', s.body_fr,
                            'updatedAt', s.updated_at)
$$;

-- A snippet's fields, checked: a name of 1..50 characters on one line, texts of at most 2000
-- characters, not both empty. Returns (name, body_en, body_fr) trimmed.
create function tickets_private.checked_snippet(p_name text, p_body_en text, p_body_fr text,
  out name text, out body_en text, out body_fr text)
language plpgsql immutable set search_path = ''
as $$
begin
  name := btrim(coalesce(p_name, ''), E' \t\r\n');
  body_en := btrim(coalesce(p_body_en, ''), E' \t\r\n');
  body_fr := btrim(coalesce(p_body_fr, ''), E' \t\r\n');
  if name = '' or char_length(name) > 50 or name ~ '[[:cntrl:]]' then
    perform tickets_private.fail('invalid_snippet_name', 'A snippet''s name has 1 to 50 characters on one line.');
  end if;
  if body_en = '' and body_fr = '' then
    perform tickets_private.fail('snippet_empty', 'A snippet has an English or a French text (or both).');
  end if;
  if char_length(body_en) > 2000 or char_length(body_fr) > 2000 then
    perform tickets_private.fail('snippet_too_long', 'A snippet''s text has at most 2000 characters.');
  end if;
end
$$;

create function tickets_private.audit_snippet(p_guild_id text, p_snippet_id bigint, p_action text,
  p_before jsonb, p_after jsonb) returns void
language sql set search_path = ''
as $$
  insert into public.ticket_snippet_audit (guild_id, snippet_id, action, actor_id, actor_role, before, after)
  select p_guild_id, p_snippet_id, p_action, a.actor_id, a.actor_role, p_before, p_after from tickets_private.actor() a;
$$;

-- Functions ---------------------------------------------------------------------------------------------

-- Every snippet of the caller's server (staff), by name; p_query keeps those whose name contains it.
create function public.ticket_snippet_list(p_query text default '') returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
begin
  perform tickets_private.require_staff(c);
  if char_length(coalesce(p_query, '')) > 100 then
    perform tickets_private.fail('search_too_long', 'A search has at most 100 characters.');
  end if;
  return coalesce((
    select jsonb_agg(tickets_private.snippet_json(s) order by lower(s.name), s.id)
      from public.ticket_snippets s
     where s.guild_id = c.guild_id
       and s.name ilike tickets_private.contains_pattern(btrim(coalesce(p_query, '')))), '[]'::jsonb);
end
$$;

-- Discord's autocomplete for `snippet:`: at most 25 names of the caller's server (staff) containing
-- what was typed, those starting with it first. Names only: the picker shows nothing else.
create function public.ticket_snippet_choices(p_query text default '') returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_contains text := tickets_private.contains_pattern(left(btrim(coalesce(p_query, '')), 100));
  -- The same pattern without its leading %: names starting with what was typed.
  v_starts text := substr(v_contains, 2);
begin
  if not c.is_staff then
    return '[]'::jsonb;
  end if;
  return coalesce((
    select jsonb_agg(x.name order by x.ord)
      from (select s.name, row_number() over (order by s.name ilike v_starts desc, lower(s.name)) as ord
              from public.ticket_snippets s
             where s.guild_id = c.guild_id and s.name ilike v_contains
             order by s.name ilike v_starts desc, lower(s.name)
             limit 25) x), '[]'::jsonb);
end
$$;

-- A staff member is about to reply to ticket p_ticket with snippet p_snippet (its name, any case):
-- the snippet's text in the ticket's language (the other one when that one is empty), and what the
-- variables need from the ticket. Nothing is written; the reply itself is ticket_reply.
create function public.ticket_snippet_draft(p_ticket text, p_snippet text) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  t public.tickets;
  s public.ticket_snippets;
  v_locale text;
begin
  perform tickets_private.require_staff(c);
  t := tickets_private.find_ticket(c, p_ticket, false);
  select x.* into s from public.ticket_snippets x
   where x.guild_id = c.guild_id and lower(x.name) = lower(btrim(coalesce(p_snippet, '')));
  if s.id is null then
    perform tickets_private.fail('snippet_not_found', 'This server has no snippet of that name.');
  end if;
  v_locale := case
    when t.owner_locale = 'fr' and s.body_fr <> '' then 'fr'
    when s.body_en <> '' then 'en'
    else 'fr' end;
  return jsonb_build_object(
    'snippet', jsonb_build_object('id', s.id, 'name', s.name),
    'locale', v_locale,
    'body', case when v_locale = 'fr' then s.body_fr else s.body_en end,
    'ticket', jsonb_build_object('number', t.number, 'ownerId', t.owner_id, 'ownerLocale', t.owner_locale)
  );
end
$$;

create function public.ticket_snippet_create(p_name text, p_body_en text, p_body_fr text) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v record;
  s public.ticket_snippets;
begin
  perform tickets_private.require_admin(c);
  v := tickets_private.checked_snippet(p_name, p_body_en, p_body_fr);
  -- One admin at a time per server: the count and the name check hold until commit.
  perform pg_advisory_xact_lock(hashtextextended('snippets:' || c.guild_id, 0));
  if (select count(*) from public.ticket_snippets x where x.guild_id = c.guild_id) >= 200 then
    perform tickets_private.fail('too_many_snippets', 'A server has at most 200 snippets.');
  end if;
  if exists (select 1 from public.ticket_snippets x where x.guild_id = c.guild_id and lower(x.name) = lower(v.name)) then
    perform tickets_private.fail('snippet_name_taken', 'This server already has a snippet of that name.');
  end if;
  insert into public.ticket_snippets (guild_id, name, body_en, body_fr, created_by)
  values (c.guild_id, v.name, v.body_en, v.body_fr, c.sub)
  returning * into s;
  perform tickets_private.audit_snippet(c.guild_id, s.id, 'created', null, tickets_private.snippet_json(s));
  return tickets_private.snippet_json(s);
end
$$;

create function public.ticket_snippet_update(p_id bigint, p_name text, p_body_en text, p_body_fr text) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v record;
  s public.ticket_snippets;
  v_before jsonb;
begin
  perform tickets_private.require_admin(c);
  v := tickets_private.checked_snippet(p_name, p_body_en, p_body_fr);
  perform pg_advisory_xact_lock(hashtextextended('snippets:' || c.guild_id, 0));
  select x.* into s from public.ticket_snippets x where x.id = p_id and x.guild_id = c.guild_id for update;
  if s.id is null then
    perform tickets_private.fail('snippet_not_found', 'This server has no such snippet.');
  end if;
  if exists (select 1 from public.ticket_snippets x
              where x.guild_id = c.guild_id and lower(x.name) = lower(v.name) and x.id <> p_id) then
    perform tickets_private.fail('snippet_name_taken', 'This server already has a snippet of that name.');
  end if;
  v_before := tickets_private.snippet_json(s);
  update public.ticket_snippets x set name = v.name, body_en = v.body_en, body_fr = v.body_fr, updated_at = now()
   where x.id = p_id
  returning * into s;
  perform tickets_private.audit_snippet(c.guild_id, s.id, 'updated', v_before, tickets_private.snippet_json(s));
  return tickets_private.snippet_json(s);
end
$$;

create function public.ticket_snippet_delete(p_id bigint) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  s public.ticket_snippets;
begin
  perform tickets_private.require_admin(c);
  delete from public.ticket_snippets x where x.id = p_id and x.guild_id = c.guild_id returning * into s;
  if s.id is null then
    perform tickets_private.fail('snippet_not_found', 'This server has no such snippet.');
  end if;
  perform tickets_private.audit_snippet(c.guild_id, s.id, 'deleted', tickets_private.snippet_json(s), null);
  return tickets_private.snippet_json(s);
end
$$;

-- Privileges --------------------------------------------------------------------------------------------
revoke all on function
  tickets_private.snippet_json(public.ticket_snippets),
  tickets_private.checked_snippet(text, text, text),
  tickets_private.audit_snippet(text, bigint, text, jsonb, jsonb),
  public.ticket_snippet_list(text),
  public.ticket_snippet_choices(text),
  public.ticket_snippet_draft(text, text),
  public.ticket_snippet_create(text, text, text),
  public.ticket_snippet_update(bigint, text, text, text),
  public.ticket_snippet_delete(bigint)
from public, anon, authenticated, service_role;
-- The reads are SECURITY INVOKER: they shape their JSON as the staff member.
grant execute on function tickets_private.snippet_json(public.ticket_snippets) to authenticated;
grant execute on function public.ticket_snippet_list(text), public.ticket_snippet_choices(text),
  public.ticket_snippet_draft(text, text), public.ticket_snippet_create(text, text, text),
  public.ticket_snippet_update(bigint, text, text, text), public.ticket_snippet_delete(bigint) to authenticated;
