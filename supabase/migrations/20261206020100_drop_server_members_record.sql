-- public.server_members_record (20261201010100) was replaced by server_members_sync (20261203040000),
-- which Maxis calls; nothing calls the old one any more. A system identity's write path that nobody
-- uses is only something more to keep safe.
drop function public.server_members_record(text, jsonb);

comment on table public.server_members is
  'Discord members and their roles as Maxis last saw them; the pool of assignees. Written by server_members_sync only.';
