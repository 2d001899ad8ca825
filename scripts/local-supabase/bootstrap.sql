-- What a hosted Supabase project already has before its first migration: the API roles, the `auth`
-- helper functions that policies call, and the schema grants, but no privilege on tables or functions
-- (migrations grant those explicitly). Local only (never part of supabase/migrations); safe to run on
-- every start.

-- Roles ---------------------------------------------------------------------------------------------
do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- The login role the API connects as; it can only switch to the three API roles.
  if not exists (select from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
end
$$;

grant anon, authenticated, service_role to authenticator;

-- Supabase's per-role limits, applied by the API to each impersonated role.
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';

-- auth: the JWT the API verified, as the request sees it ----------------------------------------------
create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

-- The claims as jsonb; the legacy `request.jwt.claim` form is still honoured, as Supabase does.
create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

-- Kept only for parity with a hosted project. Our `sub` is a Discord id, not a UUID, so this function
-- fails for every real request: policies and functions must read auth.jwt() ->> 'sub' instead.
create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

grant execute on function auth.jwt(), auth.role(), auth.email(), auth.uid()
  to anon, authenticated, service_role;

-- extensions: where Supabase installs extensions --------------------------------------------------------
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;

do $$
begin
  if exists (select from pg_available_extensions where name = 'pgcrypto') then
    create extension if not exists pgcrypto with schema extensions;
  end if;
  if exists (select from pg_available_extensions where name = 'uuid-ossp') then
    create extension if not exists "uuid-ossp" with schema extensions;
  end if;
end
$$;

-- public: the API roles may use the schema; what they may do with each object is granted by the
-- migrations, object by object. As on Supabase today (no default table privileges for anon,
-- authenticated and service_role since 2026-10-30), nothing is granted by default: a table a migration
-- does not grant on is out of the API's reach. PostgreSQL's own default still lets PUBLIC execute a new
-- function, which is why every migration revokes that. The revokes below undo the default privileges
-- an older local database got from earlier versions of this file; revoking what is not there is a no-op.
grant usage on schema public to anon, authenticated, service_role;

alter default privileges for role postgres in schema public
  revoke all on tables from anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke all on sequences from anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke all on functions from anon, authenticated, service_role;

-- pgrst_local: the REST stand-in's own helper, not part of a hosted project ---------------------------
-- What pg_proc says about a function name now (its rows' oids and xmins), which the stand-in compares
-- on every call with what it cached (rest/routines.ts). A function rather than the same subquery in
-- each batch: PostgreSQL keeps a plan for a SQL function's body (not inlined, because of its SET
-- clause) for the connection's lifetime, where the subquery was planned again on every call. Only the
-- login role the stand-in connects as may call it.
create schema if not exists pgrst_local;
revoke all on schema pgrst_local from public;
grant usage on schema pgrst_local to authenticator;

create or replace function pgrst_local.routine_version(p_schema text, p_name text) returns text
language sql stable
set search_path = ''
as $$
  select coalesce(string_agg(p.oid::text || ':' || p.xmin::text, ',' order by p.oid), '')
    from pg_catalog.pg_proc p
   where p.pronamespace = (select n.oid from pg_catalog.pg_namespace n where n.nspname = p_schema)
     and p.proname = p_name and p.prokind = 'f'
$$;

revoke all on function pgrst_local.routine_version(text, text) from public;
grant execute on function pgrst_local.routine_version(text, text) to authenticator;
