-- Support that runs by itself (issue 13 §1–3, §5 ratings, §6): inactivity warnings and auto-close,
-- close requests, satisfaction ratings, and the queue of due work Maxis's scheduled pass claims.
--
-- Who may do what:
--   * a server's admins change its automation settings (server_automation_update, audited in
--     server_settings_audit as 'settings_changed'); its staff read them;
--   * staff ask a member to close a ticket (ticket_close_request);
--   * the ticket's owner, and only they, answers a close request and rates a closed ticket, once;
--   * Maxis's scheduler (service_role, sub `maxis:automation`) claims due work and reports the
--     outcome (automation_claim, automation_finish); nobody else touches the queue.
-- Time is Postgres's now(): what is due is decided here, never by a Worker's clock, so tests move
-- time by writing timestamps.

-- Settings ------------------------------------------------------------------------------------------------

-- One row per server that changed a default. No row: auto-close off, ratings on, the delays below.
create table public.server_automation (
  guild_id text primary key references public.server_settings (guild_id),
  -- Off by default: closing members' tickets on its own would surprise a server.
  auto_close_enabled boolean not null default false,
  -- How long a ticket waits for its member before the warning.
  inactivity_hours integer not null default 72 check (inactivity_hours between 1 and 720),
  -- How long after the warning it closes ("this ticket closes in 24 h unless you answer").
  warning_hours integer not null default 24 check (warning_hours between 1 and 168),
  -- How long a member has to answer a close request before it closes by itself.
  close_request_hours integer not null default 24 check (close_request_hours between 1 and 168),
  -- Whether members are asked to rate a ticket when it closes.
  ratings_enabled boolean not null default true,
  updated_at timestamptz not null default now()
);
comment on table public.server_automation is
  'Per-server automation settings (auto-close, delays, ratings). Staff read them; admins change them through server_automation_update.';

-- Due work ----------------------------------------------------------------------------------------------

-- What the scheduler must do for a ticket, at most one of each kind per ticket. A job has two halves:
-- its database effect (closing the ticket, recording the warning), applied exactly once in the
-- transaction that claims it (applied_at), and its Discord message, retried with backoff until Discord
-- accepts it (next_attempt_at is also the lease: a claimed job is invisible until then). Every Discord
-- message of a job carries the nonce `mx<id>-<step>` with enforce_nonce, so a pass killed after
-- Discord accepted the message but before automation_finish re-sends it harmlessly: Discord returns
-- the message it already made. A job done is deleted; one that failed its last try keeps failed_at
-- and last_error (reported in the logs and by automation_failures).
create table public.ticket_automation_jobs (
  id bigint generated always as identity primary key,
  ticket_id bigint not null references public.tickets (id),
  guild_id text not null check (guild_id ~ '^[0-9]{1,20}$'),
  kind text not null check (kind in (
    'inactivity_warning', 'inactivity_close', 'close_request_prompt', 'close_request_timeout', 'rating_prompt'
  )),
  -- Who asked (close requests): a Discord id.
  requested_by text check (requested_by ~ '^[0-9]{1,20}$'),
  next_attempt_at timestamptz not null,
  applied_at timestamptz,
  attempts integer not null default 0 check (attempts >= 0),
  last_error text check (char_length(last_error) <= 1000),
  failed_at timestamptz,
  created_at timestamptz not null default now(),
  constraint ticket_automation_jobs_once unique (ticket_id, kind)
);
comment on table public.ticket_automation_jobs is
  'Due automatic work per ticket (warnings, closes, prompts). Written by triggers and the automation functions only; claimed by the scheduler.';
-- The claim query: the due, live jobs in due order (an index range scan, whatever the ticket count).
create index ticket_automation_jobs_due_idx on public.ticket_automation_jobs (next_attempt_at)
  where failed_at is null;
create index ticket_automation_jobs_guild_idx on public.ticket_automation_jobs (guild_id, kind);

-- Ratings -----------------------------------------------------------------------------------------------

-- A closed ticket's satisfaction: a row when the owner was asked (prompted_at), the score and optional
-- comment once they answer. agent_id is who handled it (assignee, else first responder) when it closed.
create table public.ticket_ratings (
  ticket_id bigint primary key references public.tickets (id),
  guild_id text not null check (guild_id ~ '^[0-9]{1,20}$'),
  owner_id text not null check (owner_id ~ '^[0-9]{1,20}$'),
  agent_id text check (agent_id ~ '^[0-9]{1,20}$'),
  prompted_at timestamptz not null default now(),
  score smallint check (score between 1 and 5),
  comment text check (char_length(comment) between 1 and 1000),
  rated_at timestamptz,
  constraint ticket_ratings_rated_pair check ((score is null) = (rated_at is null)),
  constraint ticket_ratings_comment_after_score check (comment is null or score is not null)
);
comment on table public.ticket_ratings is
  'Satisfaction of closed tickets: asked once, answered once by the owner. Staff read their server''s through ticket_satisfaction.';
create index ticket_ratings_guild_idx on public.ticket_ratings (guild_id, prompted_at);

-- Privileges: no API role touches these tables directly; the definer functions below do.
revoke all on public.server_automation, public.ticket_automation_jobs, public.ticket_ratings
  from public, anon, authenticated, service_role;
revoke all on sequence public.ticket_automation_jobs_id_seq from public, anon, authenticated, service_role;
alter table public.server_automation enable row level security;
alter table public.ticket_automation_jobs enable row level security;
alter table public.ticket_ratings enable row level security;

-- What the automation writes in a ticket's history (actor: the scheduler's identity, or the member).
alter table public.ticket_audit drop constraint ticket_audit_action_check;
alter table public.ticket_audit add constraint ticket_audit_action_check check (action in (
  'created', 'updated', 'status_changed', 'closed', 'reopened', 'assigned', 'unassigned',
  'priority_changed', 'first_response', 'message_added', 'note_added', 'message_edited', 'message_deleted',
  'close_requested', 'close_request_answered', 'close_request_cancelled', 'inactivity_warned',
  'inactivity_cancelled', 'rated'
));

-- Helpers -----------------------------------------------------------------------------------------------

-- A server's automation settings, the defaults when it never changed them.
create function tickets_private.automation_of(p_guild_id text) returns public.server_automation
language plpgsql stable set search_path = ''
as $$
declare
  a public.server_automation;
begin
  select x.* into a from public.server_automation x where x.guild_id = p_guild_id;
  if a.guild_id is null then
    a := row(p_guild_id, false, 72, 24, 24, true, now())::public.server_automation;
  end if;
  return a;
end
$$;

create function tickets_private.automation_json(a public.server_automation) returns jsonb
language sql immutable set search_path = ''
as $$
  select jsonb_build_object('autoCloseEnabled', a.auto_close_enabled, 'inactivityHours', a.inactivity_hours,
                            'warningHours', a.warning_hours, 'closeRequestHours', a.close_request_hours,
                            'ratingsEnabled', a.ratings_enabled)
$$;

create function tickets_private.audit_automation(t public.tickets, p_action text, p_after jsonb) returns void
language sql set search_path = ''
as $$
  insert into public.ticket_audit (guild_id, ticket_id, ticket_number, action, actor_id, actor_role, before, after)
  select t.guild_id, t.id, t.number, p_action, a.actor_id, a.actor_role, null, p_after from tickets_private.actor() a;
$$;

-- Schedules (or moves) the inactivity warning of a ticket waiting for its member, when the server
-- has auto-close on; a warning already being delivered is left alone.
create function tickets_private.schedule_inactivity(t public.tickets) returns void
language plpgsql set search_path = ''
as $$
declare
  a public.server_automation := tickets_private.automation_of(t.guild_id);
begin
  if not a.auto_close_enabled or t.status = 'closed' then
    return;
  end if;
  insert into public.ticket_automation_jobs as j (ticket_id, guild_id, kind, next_attempt_at)
  values (t.id, t.guild_id, 'inactivity_warning', now() + make_interval(hours => a.inactivity_hours))
  on conflict (ticket_id, kind) do update set next_attempt_at = excluded.next_attempt_at, attempts = 0,
    last_error = null, failed_at = null
   where j.applied_at is null;
end
$$;

-- Triggers ----------------------------------------------------------------------------------------------

-- A public message on a ticket. From its owner: they answered, so a pending warning, inactivity close
-- or close request is cancelled (wherever the message came from: the thread through the Gateway,
-- /ticket reply, the dashboard). From staff: the ticket now waits for its member.
-- Jobs already applied (being delivered) are left: the ticket was closed or warned before the answer.
create function tickets_private.automation_on_message() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  t public.tickets;
  v_kinds text[];
begin
  if new.is_internal then
    return null;
  end if;
  select x.* into t from public.tickets x where x.id = new.ticket_id;
  if new.author_id = t.owner_id then
    with gone as (
      delete from public.ticket_automation_jobs j
       where j.ticket_id = t.id and j.applied_at is null and j.kind <> 'rating_prompt'
      returning j.kind
    )
    select array_agg(kind) into v_kinds from gone;
    if 'close_request_timeout' = any (v_kinds) then
      perform tickets_private.audit_automation(t, 'close_request_cancelled', jsonb_build_object('message_id', new.id));
    end if;
    if 'inactivity_close' = any (v_kinds) then
      perform tickets_private.audit_automation(t, 'inactivity_cancelled', jsonb_build_object('message_id', new.id));
    end if;
  elsif new.from_staff then
    perform tickets_private.schedule_inactivity(t);
  end if;
  return null;
end
$$;

-- A ticket's status changed. Closed: what was pending for it is moot, and its owner is asked for a
-- rating (once per ticket, when the server wants ratings). Waiting for the member: the inactivity clock
-- starts.
create function tickets_private.automation_on_status() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status = 'closed' then
    delete from public.ticket_automation_jobs j
     where j.ticket_id = new.id and j.applied_at is null and j.kind <> 'rating_prompt';
    if (tickets_private.automation_of(new.guild_id)).ratings_enabled
       and not exists (select 1 from public.ticket_ratings r where r.ticket_id = new.id) then
      insert into public.ticket_automation_jobs (ticket_id, guild_id, kind, next_attempt_at)
      values (new.id, new.guild_id, 'rating_prompt', now())
      on conflict (ticket_id, kind) do nothing;
    end if;
  elsif new.status = 'waiting_for_member' then
    perform tickets_private.schedule_inactivity(new);
  end if;
  return null;
end
$$;

create trigger ticket_messages_95_automation after insert on public.ticket_messages
  for each row execute function tickets_private.automation_on_message();
create trigger tickets_95_automation after update of status on public.tickets
  for each row when (new.status is distinct from old.status)
  execute function tickets_private.automation_on_status();

-- Settings functions ------------------------------------------------------------------------------------

-- The caller's server's automation settings (staff only).
create function public.server_automation_view() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
begin
  perform tickets_private.require_staff(c);
  return tickets_private.automation_json(tickets_private.automation_of(c.guild_id));
end
$$;

-- An admin changes some automation settings: autoCloseEnabled, inactivityHours, warningHours,
-- closeRequestHours, ratingsEnabled. One server_settings_audit row ('settings_changed') with the
-- changed fields under "automation". Turning auto-close on starts the clock for the tickets already
-- waiting for their member (their last public message is from staff, or their status says so); turning
-- it off drops the warnings and closes not yet made; a new delay moves the warnings not yet made.
create function public.server_automation_update(p_changes jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  a public.server_automation;
  v_old public.server_automation;
  v_unknown text;
  v_diff jsonb;
  v_key text;
begin
  perform tickets_private.require_admin(c);
  if p_changes is null or jsonb_typeof(p_changes) <> 'object' then
    perform tickets_private.fail('invalid_settings', 'Settings changes are a JSON object.');
  end if;
  select k into v_unknown from jsonb_object_keys(p_changes) k
   where k not in ('autoCloseEnabled', 'inactivityHours', 'warningHours', 'closeRequestHours', 'ratingsEnabled')
   limit 1;
  if v_unknown is not null then
    perform tickets_private.fail('invalid_settings', format('%s is not a setting.', v_unknown));
  end if;
  foreach v_key in array array['autoCloseEnabled', 'ratingsEnabled'] loop
    if p_changes ? v_key and jsonb_typeof(p_changes -> v_key) <> 'boolean' then
      perform tickets_private.fail('invalid_settings', format('%s is true or false.', v_key));
    end if;
  end loop;
  if p_changes ? 'inactivityHours' and (jsonb_typeof(p_changes -> 'inactivityHours') <> 'number'
       or (p_changes ->> 'inactivityHours') !~ '^[0-9]{1,3}$'
       or (p_changes ->> 'inactivityHours')::integer not between 1 and 720) then
    perform tickets_private.fail('invalid_inactivity_hours', 'The inactivity delay is a whole number of hours from 1 to 720.');
  end if;
  foreach v_key in array array['warningHours', 'closeRequestHours'] loop
    if p_changes ? v_key and (jsonb_typeof(p_changes -> v_key) <> 'number'
         or (p_changes ->> v_key) !~ '^[0-9]{1,3}$' or (p_changes ->> v_key)::integer not between 1 and 168) then
      perform tickets_private.fail('invalid_' || case v_key when 'warningHours' then 'warning_hours'
                                                            else 'close_request_hours' end,
        format('%s is a whole number of hours from 1 to 168.', v_key));
    end if;
  end loop;
  if not exists (select 1 from public.server_settings s where s.guild_id = c.guild_id) then
    perform tickets_private.fail('server_not_set_up', 'Maxis has not served this server yet.');
  end if;
  v_old := tickets_private.automation_of(c.guild_id);
  insert into public.server_automation as x (guild_id) values (c.guild_id) on conflict (guild_id) do nothing;
  update public.server_automation x set
    auto_close_enabled = coalesce((p_changes ->> 'autoCloseEnabled')::boolean, x.auto_close_enabled),
    inactivity_hours = coalesce((p_changes ->> 'inactivityHours')::integer, x.inactivity_hours),
    warning_hours = coalesce((p_changes ->> 'warningHours')::integer, x.warning_hours),
    close_request_hours = coalesce((p_changes ->> 'closeRequestHours')::integer, x.close_request_hours),
    ratings_enabled = coalesce((p_changes ->> 'ratingsEnabled')::boolean, x.ratings_enabled),
    updated_at = now()
  where x.guild_id = c.guild_id
  returning x.* into a;

  if a.auto_close_enabled and not v_old.auto_close_enabled then
    insert into public.ticket_automation_jobs (ticket_id, guild_id, kind, next_attempt_at)
    select t.id, t.guild_id, 'inactivity_warning',
           coalesce(m.created_at, t.last_activity_at) + make_interval(hours => a.inactivity_hours)
      from public.tickets t
      left join lateral (
        select mm.created_at, mm.author_id, mm.from_staff from public.ticket_messages mm
         where mm.ticket_id = t.id and not mm.is_internal order by mm.id desc limit 1
      ) m on true
     where t.guild_id = c.guild_id and t.status <> 'closed'
       and (t.status = 'waiting_for_member' or (m.from_staff and m.author_id <> t.owner_id))
    on conflict (ticket_id, kind) do nothing;
  elsif not a.auto_close_enabled and v_old.auto_close_enabled then
    delete from public.ticket_automation_jobs j
     where j.guild_id = c.guild_id and j.kind in ('inactivity_warning', 'inactivity_close') and j.applied_at is null;
  elsif a.inactivity_hours <> v_old.inactivity_hours then
    update public.ticket_automation_jobs j
       set next_attempt_at = j.next_attempt_at + make_interval(hours => a.inactivity_hours - v_old.inactivity_hours)
     where j.guild_id = c.guild_id and j.kind = 'inactivity_warning' and j.applied_at is null;
  end if;

  v_diff := tickets_private.changed_fields(tickets_private.automation_json(v_old), tickets_private.automation_json(a));
  if v_diff is not null then
    perform tickets_private.audit_settings(c.guild_id, 'settings_changed', null,
      jsonb_build_object('automation', v_diff -> 'before'), jsonb_build_object('automation', v_diff -> 'after'));
  end if;
  return tickets_private.automation_json(a);
end
$$;

-- Close requests ----------------------------------------------------------------------------------------

-- Staff ask the member to close ticket p_ticket (#number): the member is asked at once (the prompt job)
-- and the ticket closes by itself after the server's delay unless they answer. Asking again restarts
-- the delay. Returns the ticket and the delay in hours.
create function public.ticket_close_request(p_ticket text) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  t public.tickets;
  a public.server_automation;
begin
  perform tickets_private.require_staff(c);
  t := tickets_private.find_ticket(c, p_ticket, true);
  if t.status = 'closed' then
    perform tickets_private.fail('ticket_already_closed', format('Ticket #%s is already closed.', t.number));
  end if;
  a := tickets_private.automation_of(t.guild_id);
  insert into public.ticket_automation_jobs as j (ticket_id, guild_id, kind, requested_by, next_attempt_at)
  values (t.id, t.guild_id, 'close_request_timeout', c.sub, now() + make_interval(hours => a.close_request_hours)),
         (t.id, t.guild_id, 'close_request_prompt', c.sub, now())
  on conflict (ticket_id, kind) do update set requested_by = excluded.requested_by,
    next_attempt_at = excluded.next_attempt_at, applied_at = null, attempts = 0, last_error = null, failed_at = null;
  perform tickets_private.audit_automation(t, 'close_requested',
    jsonb_build_object('hours', a.close_request_hours));
  perform tickets_private.note_staff(c);
  return jsonb_build_object('ticket', tickets_private.ticket_json(t), 'hours', a.close_request_hours);
end
$$;

-- The owner answers a close request of ticket #p_number of their server: accept closes it (as closed
-- by them), keep open withdraws the request. No pending request: close_request_not_pending.
create function public.ticket_close_request_answer(p_number integer, p_accept boolean) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  t public.tickets;
  v_pending boolean;
begin
  select x.* into t from public.tickets x
   where x.guild_id = c.guild_id and x.number = p_number and x.owner_id = c.sub for update;
  if t.id is null then
    perform tickets_private.fail('ticket_not_found', format('No ticket #%s of yours here.', p_number));
  end if;
  with gone as (
    delete from public.ticket_automation_jobs j
     where j.ticket_id = t.id and j.kind in ('close_request_timeout', 'close_request_prompt') and j.applied_at is null
    returning j.kind
  )
  select coalesce(bool_or(kind = 'close_request_timeout'), false) into v_pending from gone;
  if not v_pending or t.status = 'closed' then
    perform tickets_private.fail('close_request_not_pending', format('Ticket #%s has no close request waiting.', t.number));
  end if;
  perform tickets_private.audit_automation(t, 'close_request_answered', jsonb_build_object('accepted', p_accept is true));
  if p_accept is true then
    update public.tickets u
       set status = 'closed', closed_at = now(), closed_by = c.sub, close_reason = null, last_activity_at = now()
     where u.id = t.id
    returning * into t;
  end if;
  return tickets_private.ticket_json(t);
end
$$;

-- Ratings -----------------------------------------------------------------------------------------------

-- The owner rates their closed ticket #p_number (1..5), once; the prompt must have been sent.
create function public.ticket_rate(p_number integer, p_score integer) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  t public.tickets;
  r public.ticket_ratings;
begin
  if p_score is null or p_score not between 1 and 5 then
    perform tickets_private.fail('invalid_score', 'A rating is from 1 to 5.');
  end if;
  select x.* into t from public.tickets x
   where x.guild_id = c.guild_id and x.number = p_number and x.owner_id = c.sub;
  select x.* into r from public.ticket_ratings x where x.ticket_id = t.id for update;
  if t.id is null or r.ticket_id is null then
    perform tickets_private.fail('ticket_not_found', format('No ticket #%s of yours to rate here.', p_number));
  end if;
  if r.score is not null then
    perform tickets_private.fail('already_rated', format('Ticket #%s is already rated.', t.number));
  end if;
  update public.ticket_ratings x set score = p_score, rated_at = now() where x.ticket_id = t.id returning * into r;
  perform tickets_private.audit_automation(t, 'rated', jsonb_build_object('score', p_score));
  return jsonb_build_object('number', t.number, 'score', r.score);
end
$$;

-- The owner's optional comment on their rating of ticket #p_number: after the score, once.
create function public.ticket_rate_comment(p_number integer, p_comment text) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_comment text := tickets_private.required_text(p_comment, 1000, 'comment');
  t public.tickets;
  r public.ticket_ratings;
begin
  select x.* into t from public.tickets x
   where x.guild_id = c.guild_id and x.number = p_number and x.owner_id = c.sub;
  select x.* into r from public.ticket_ratings x where x.ticket_id = t.id for update;
  if t.id is null or r.ticket_id is null or r.score is null then
    perform tickets_private.fail('ticket_not_found', format('No rating of ticket #%s of yours here.', p_number));
  end if;
  if r.comment is not null then
    perform tickets_private.fail('already_rated', format('Ticket #%s already has a comment.', t.number));
  end if;
  update public.ticket_ratings x set comment = v_comment where x.ticket_id = t.id;
  perform tickets_private.audit_automation(t, 'rated', jsonb_build_object('comment', v_comment));
  return jsonb_build_object('number', t.number, 'score', r.score);
end
$$;

-- Satisfaction of the caller's server over the last p_days (1..365) of prompts: average score, how
-- many were asked and answered (response rate), and the same per agent. Staff only.
create function public.ticket_satisfaction(p_days integer default 30) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_since timestamptz;
begin
  perform tickets_private.require_staff(c);
  if p_days is null or p_days not between 1 and 365 then
    perform tickets_private.fail('invalid_days', 'Days must be between 1 and 365.');
  end if;
  v_since := now() - make_interval(days => p_days);
  return (
    with w as (
      select r.* from public.ticket_ratings r where r.guild_id = c.guild_id and r.prompted_at >= v_since
    )
    select jsonb_build_object(
      'days', p_days,
      'asked', (select count(*) from w),
      'rated', (select count(*) from w where w.score is not null),
      'average', (select round(avg(w.score), 2) from w),
      'responseRate', (select case when count(*) = 0 then null
                                   else round(count(*) filter (where w.score is not null)::numeric / count(*), 4) end from w),
      'distribution', (select jsonb_build_object('1', count(*) filter (where w.score = 1),
                                                 '2', count(*) filter (where w.score = 2),
                                                 '3', count(*) filter (where w.score = 3),
                                                 '4', count(*) filter (where w.score = 4),
                                                 '5', count(*) filter (where w.score = 5)) from w),
      'agents', coalesce((
        select jsonb_agg(jsonb_build_object('agentId', g.agent_id, 'asked', g.asked, 'rated', g.rated,
                                            'average', g.average) order by g.rated desc, g.agent_id)
          from (select w.agent_id, count(*) as asked, count(w.score) as rated, round(avg(w.score), 2) as average
                  from w where w.agent_id is not null group by w.agent_id) g), '[]'::jsonb),
      'recentComments', coalesce((
        select jsonb_agg(jsonb_build_object('number', t.number, 'score', x.score, 'comment', x.comment,
                                            'agentId', x.agent_id, 'ratedAt', x.rated_at) order by x.rated_at desc)
          from (select * from w where w.comment is not null order by w.rated_at desc limit 10) x
          join public.tickets t on t.id = x.ticket_id), '[]'::jsonb)
    )
  );
end
$$;

-- The scheduler -----------------------------------------------------------------------------------------

create function tickets_private.require_automation() returns void
language plpgsql stable set search_path = ''
as $$
begin
  if coalesce(auth.jwt() ->> 'role', '') <> 'service_role' then
    perform tickets_private.fail('not_authenticated', 'Only Maxis''s scheduler runs automatic work.');
  end if;
end
$$;

-- Tries per job before it is reported as failed; the lease after try n is 2^(n-1) minutes.
create function tickets_private.automation_max_attempts() returns integer
language sql immutable set search_path = '' as $$ select 6 $$;

-- Claims up to p_limit (1..200) due jobs (of one server when p_guild_id is given: the pass an
-- interaction starts right after a close request or a close) in one transaction. Rows locked by a concurrent pass are
-- skipped (for update skip locked), so two passes never claim the same job; each claimed job's
-- database effect is applied now if it was not already (once, whatever happens next), its lease set
-- (next_attempt_at), and what the Worker needs to tell Discord returned:
--   [{ id, kind, attempt, nonce, ticket, threadId, dmAllowed, locale, hours, requestedBy }]
-- A job whose ticket closed meanwhile (a warning, a timeout) is dropped instead.
create function public.automation_claim(p_limit integer, p_guild_id text default null) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  j public.ticket_automation_jobs;
  t public.tickets;
  a public.server_automation;
  v_out jsonb := '[]'::jsonb;
  v_thread text;
  v_dm boolean;
begin
  perform tickets_private.require_automation();
  if p_limit is null or p_limit not between 1 and 200 then
    perform tickets_private.fail('invalid_limit', 'A pass claims 1 to 200 jobs.');
  end if;
  for j in
    select x.* from public.ticket_automation_jobs x
     where x.next_attempt_at <= now() and x.failed_at is null
       and (p_guild_id is null or x.guild_id = p_guild_id)
     order by x.next_attempt_at
     limit p_limit
       for update skip locked
  loop
    select x.* into t from public.tickets x where x.id = j.ticket_id for update;
    a := tickets_private.automation_of(t.guild_id);
    if j.attempts >= tickets_private.automation_max_attempts() then
      update public.ticket_automation_jobs x set failed_at = now(),
        last_error = coalesce(x.last_error, 'lease ran out without an outcome') where x.id = j.id;
      continue;
    end if;
    if j.applied_at is null then
      if j.kind <> 'rating_prompt' and t.status = 'closed' then
        delete from public.ticket_automation_jobs x where x.id = j.id;
        continue;
      end if;
      -- Applied first: the close below fires the status trigger, which drops unapplied jobs.
      update public.ticket_automation_jobs x set applied_at = now() where x.id = j.id;
      if j.kind = 'inactivity_warning' then
        perform tickets_private.audit_automation(t, 'inactivity_warned', jsonb_build_object('hours', a.warning_hours));
        insert into public.ticket_automation_jobs as x (ticket_id, guild_id, kind, next_attempt_at)
        values (t.id, t.guild_id, 'inactivity_close', now() + make_interval(hours => a.warning_hours))
        on conflict (ticket_id, kind) do nothing;
      elsif j.kind in ('inactivity_close', 'close_request_timeout') then
        delete from public.ticket_automation_jobs x
         where x.ticket_id = t.id and x.kind = 'close_request_prompt' and x.applied_at is null;
        update public.tickets u
           set status = 'closed', closed_at = now(), closed_by = null, close_reason = null, last_activity_at = now()
         where u.id = t.id
        returning * into t;
      elsif j.kind = 'rating_prompt' then
        insert into public.ticket_ratings (ticket_id, guild_id, owner_id, agent_id)
        values (t.id, t.guild_id, t.owner_id, coalesce(t.assignee_id, t.first_responder_id))
        on conflict (ticket_id) do nothing;
      end if;
    end if;
    update public.ticket_automation_jobs x
       set attempts = x.attempts + 1,
           next_attempt_at = now() + make_interval(mins => (2 ^ x.attempts)::integer)
     where x.id = j.id;
    select r.thread_id into v_thread from public.ticket_threads r where r.ticket_id = t.id;
    select s.dm_notifications into v_dm from public.server_settings s where s.guild_id = t.guild_id;
    v_out := v_out || jsonb_build_array(jsonb_build_object(
      'id', j.id, 'kind', j.kind, 'attempt', j.attempts + 1, 'nonce', 'mx' || j.id,
      'ticket', tickets_private.ticket_json(t), 'threadId', v_thread, 'dmAllowed', coalesce(v_dm, true),
      'locale', t.owner_locale, 'requestedBy', j.requested_by,
      'hours', case j.kind when 'inactivity_warning' then a.warning_hours
                           when 'close_request_prompt' then a.close_request_hours else null end
    ));
  end loop;
  return v_out;
end
$$;

-- The Worker's outcomes for the jobs it claimed, in one call: [{ id, ok, error? }]. Done: deleted.
-- Failed: error kept, retried when its lease ends, failed for good after the last try (reported).
-- Returns how many failed for good.
create function public.automation_finish(p_outcomes jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_failed integer;
begin
  perform tickets_private.require_automation();
  if jsonb_typeof(p_outcomes) is distinct from 'array' or jsonb_array_length(p_outcomes) > 500
     or exists (select 1 from jsonb_array_elements(p_outcomes) o
                 where jsonb_typeof(o -> 'id') <> 'number' or jsonb_typeof(o -> 'ok') <> 'boolean') then
    perform tickets_private.fail('invalid_outcomes', 'Outcomes are an array of at most 500 { id, ok, error }.');
  end if;
  delete from public.ticket_automation_jobs x
   using jsonb_array_elements(p_outcomes) o
   where x.id = (o ->> 'id')::bigint and (o ->> 'ok')::boolean;
  with failed as (
    update public.ticket_automation_jobs x
       set last_error = left(coalesce(o ->> 'error', 'unknown error'), 1000),
           failed_at = case when x.attempts >= tickets_private.automation_max_attempts() then now() end
      from jsonb_array_elements(p_outcomes) o
     where x.id = (o ->> 'id')::bigint and not (o ->> 'ok')::boolean
    returning x.failed_at
  )
  select count(*) filter (where failed_at is not null) into v_failed from failed;
  return jsonb_build_object('failed', v_failed);
end
$$;

revoke all on function tickets_private.automation_of(text), tickets_private.automation_json(public.server_automation),
  tickets_private.audit_automation(public.tickets, text, jsonb), tickets_private.schedule_inactivity(public.tickets),
  tickets_private.automation_on_message(), tickets_private.automation_on_status(),
  tickets_private.require_automation(), tickets_private.automation_max_attempts()
  from public, anon, authenticated, service_role;
revoke all on function public.server_automation_view(), public.server_automation_update(jsonb),
  public.ticket_close_request(text), public.ticket_close_request_answer(integer, boolean),
  public.ticket_rate(integer, integer), public.ticket_rate_comment(integer, text), public.ticket_satisfaction(integer),
  public.automation_claim(integer, text), public.automation_finish(jsonb)
  from public, anon, authenticated, service_role;
grant execute on function public.server_automation_view(), public.server_automation_update(jsonb),
  public.ticket_close_request(text), public.ticket_close_request_answer(integer, boolean),
  public.ticket_rate(integer, integer), public.ticket_rate_comment(integer, text), public.ticket_satisfaction(integer)
  to authenticated;
grant execute on function public.automation_claim(integer, text), public.automation_finish(jsonb)
  to service_role;
