-- The latest control calls, newest first, now up to 200 (was 50): enough to find one call among
-- those of several operators and bots made in the same few seconds.
create or replace function public.control_audit_recent(p_limit integer default 10) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
      'at', a.at, 'keyId', a.key_id, 'claimedKeyId', a.claimed_key_id, 'operatorId', a.operator_id,
      'operatorName', a.operator_name, 'action', a.action, 'outcome', a.outcome, 'code', a.code)
      order by a.id desc), '[]'::jsonb)
  from (
    select * from public.control_audit
     order by id desc
     limit greatest(1, least(coalesce(p_limit, 10), 200))
  ) a
$$;
