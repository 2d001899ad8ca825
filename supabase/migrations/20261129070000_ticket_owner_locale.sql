-- The ticket owner's language, so every DM Maxis sends them (staff replies, closings) speaks it, even
-- when staff act from the dashboard, where the member's Discord locale is not known.
--
-- Maxis records it when the member opens the ticket, from the Discord locale of that interaction
-- resolved to one of the languages Maxis answers in ('en' or 'fr', as src/shared/i18n does).
-- Tickets opened before this migration get 'en': no per-server language is stored anywhere to do better.

alter table public.tickets
  add column owner_locale text not null default 'en' check (owner_locale in ('en', 'fr'));
comment on column public.tickets.owner_locale is
  'The owner''s language (en | fr) when they opened the ticket: the language of the DMs they get.';

create function tickets_private.locales() returns text[] language sql immutable
  as $$ select array['en', 'fr'] $$;

create function tickets_private.parse_locale(p_value text) returns text
language plpgsql stable
as $$
begin
  if p_value is null or not (p_value = any (tickets_private.locales())) then
    perform tickets_private.fail('invalid_locale',
      'Languages: ' || array_to_string(tickets_private.locales(), ', ') || '.');
  end if;
  return p_value;
end
$$;

-- The language is the owner's: staff (who may update their guild's tickets) cannot change it for them.
create function tickets_private.guard_owner_locale() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  if current_user = 'authenticated' and new.owner_locale <> old.owner_locale
     and new.owner_id is distinct from auth.jwt() ->> 'sub' then
    raise exception using errcode = '42501', message = 'only the ticket owner may change their language';
  end if;
  return new;
end
$$;

create trigger tickets_35_guard_owner_locale before update of owner_locale on public.tickets
  for each row execute function tickets_private.guard_owner_locale();

revoke all on function tickets_private.locales(), tickets_private.parse_locale(text),
  tickets_private.guard_owner_locale() from public, anon;
grant execute on function tickets_private.locales(), tickets_private.parse_locale(text)
  to authenticated, service_role;

-- Every ticket the functions return now says which language its owner reads (ownerLocale).
create or replace function tickets_private.ticket_json(t public.tickets, p_with_description boolean default false)
returns jsonb
language sql immutable
as $$
  select jsonb_build_object(
    'number', t.number, 'guildId', t.guild_id, 'subject', t.subject, 'category', t.category,
    'priority', t.priority, 'status', t.status, 'ownerId', t.owner_id, 'ownerLocale', t.owner_locale,
    'assigneeId', t.assignee_id, 'createdAt', t.created_at, 'updatedAt', t.updated_at,
    'lastActivityAt', t.last_activity_at, 'firstStaffResponseAt', t.first_staff_response_at,
    'closedAt', t.closed_at, 'closedBy', t.closed_by, 'closeReason', t.close_reason
  ) || case when p_with_description then jsonb_build_object('description', t.description) else '{}'::jsonb end
$$;

-- ticket_create gains p_locale. Replaced, not overloaded: two ticket_create functions would make a call
-- with four named arguments ambiguous.
drop function public.ticket_create(text, text, text, text);

-- Opens a ticket in the caller's guild; the number is the guild's next one. p_locale is the caller's
-- language (en | fr), kept for the DMs they will get about it.
create function public.ticket_create(
  p_subject text,
  p_description text,
  p_category text default 'general',
  p_priority text default 'medium',
  p_locale text default 'en'
) returns jsonb
language plpgsql security invoker set search_path = ''
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
  perform tickets_private.check_open_limit(c.guild_id, c.sub);
  insert into public.tickets (guild_id, owner_id, subject, description, category, priority, owner_locale)
  values (c.guild_id, c.sub, v_subject, v_description, v_category, v_priority, v_locale)
  returning * into t;
  return tickets_private.ticket_json(t, true);
end
$$;

revoke all on function public.ticket_create(text, text, text, text, text) from public, anon, service_role;
grant execute on function public.ticket_create(text, text, text, text, text) to authenticated;
