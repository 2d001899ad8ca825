-- A subject, description, reply or note made only of blanks that are not ASCII (no-break space U+00A0,
-- ideographic space U+3000, zero-width space U+200B, byte-order mark U+FEFF…) was stored as a ticket
-- with an invisible title or a blank message: required_text trimmed only ' \t\r\n'. It now trims every
-- Unicode space and the invisible format characters at both ends, so these are refused as empty.
create or replace function tickets_private.required_text(p_value text, p_max integer, p_field text) returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  v text := regexp_replace(
    coalesce(p_value, ''),
    '^[\s\u00a0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+|[\s\u00a0\u1680\u180e\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+$',
    '', 'g');
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
