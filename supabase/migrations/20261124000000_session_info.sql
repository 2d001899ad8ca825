-- Who the database thinks is calling: the claims of the JWT the API verified, and the role the call
-- runs as. It proves the whole path (Maxis signs, the API verifies and impersonates, policies can read
-- auth.jwt()). Discord ids are not UUIDs, so this reads auth.jwt() ->> 'sub', never auth.uid().
create or replace function public.session_info()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'sub', auth.jwt() ->> 'sub',
    'role', current_user,
    'app_role', auth.jwt() ->> 'app_role',
    'guild_id', auth.jwt() ->> 'guild_id'
  );
$$;

revoke execute on function public.session_info() from public, anon;
grant execute on function public.session_info() to authenticated, service_role;
