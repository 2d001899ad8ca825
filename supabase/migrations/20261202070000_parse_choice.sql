-- One parse_choice instead of three copies: parse_category, parse_priority and parse_status each
-- checked a value against a closed list and raised the same shape of error. They keep their names,
-- signatures, grants and error codes and messages (callers and the API see no difference); their
-- bodies now call tickets_private.parse_choice. Every function here sets search_path = '' (Supabase
-- lint 0011) and names everything schema-qualified.

-- p_value itself when it is one of p_choices; otherwise raises p_code with
-- "<p_label>: <the choices, comma-separated>." as its detail.
create function tickets_private.parse_choice(p_value text, p_choices text[], p_code text, p_label text)
returns text
language plpgsql stable set search_path = ''
as $$
begin
  if p_value is null or not (p_value = any (p_choices)) then
    perform tickets_private.fail(p_code, p_label || ': ' || array_to_string(p_choices, ', ') || '.');
  end if;
  return p_value;
end
$$;

revoke all on function tickets_private.parse_choice(text, text[], text, text)
  from public, anon, authenticated, service_role;
-- The SECURITY INVOKER reads parse their filters as the member or staff member (as the three below).
grant execute on function tickets_private.parse_choice(text, text[], text, text) to authenticated;

create or replace function tickets_private.parse_category(p_value text) returns text
language plpgsql stable set search_path = ''
as $$
begin
  return tickets_private.parse_choice(p_value, tickets_private.categories(), 'invalid_category', 'Categories');
end
$$;

create or replace function tickets_private.parse_priority(p_value text) returns text
language plpgsql stable set search_path = ''
as $$
begin
  return tickets_private.parse_choice(p_value, tickets_private.priorities(), 'invalid_priority', 'Priorities');
end
$$;

create or replace function tickets_private.parse_status(p_value text) returns text
language plpgsql stable set search_path = ''
as $$
begin
  return tickets_private.parse_choice(p_value, tickets_private.statuses(), 'invalid_status', 'Statuses');
end
$$;
