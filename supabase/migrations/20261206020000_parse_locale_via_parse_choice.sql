-- tickets_private.parse_locale said again what parse_choice (20261202070000) says once: a value from a
-- list, or `fail(code, '<Label>: a, b.')`. It now calls it, like parse_category, parse_priority and
-- parse_status; same answers for every input, null included
-- (test/node/tickets-db/parse-locale-migration.test.ts compares them before and after).
-- Only SECURITY DEFINER functions call it (as their owner): create or replace keeps its privileges
-- (none for the API roles).
create or replace function tickets_private.parse_locale(p_value text) returns text
language plpgsql stable set search_path = ''
as $$
begin
  return tickets_private.parse_choice(p_value, tickets_private.locales(), 'invalid_locale', 'Languages');
end
$$;
