-- Ticket panels (issue 11 §5): where a server's panel message is, and the answers a member gave to a
-- category's form.
--
-- Who may do what:
--   * a server's admins record where Maxis posted their server's panel (server_settings_record_panel),
--     audited like every settings change; nobody else writes it, and server_settings_update still
--     does not take the panel's place (Maxis, not a person, decides where the message is);
--   * a member opening a ticket from a panel form gives its answers in the same transaction as the
--     ticket (ticket_create_with_answers, which goes through ticket_create and its checks);
--   * the answers are read by whoever can read the ticket (its owner, staff who handle its category):
--     the policy asks the tickets policy.

-- The answers to a category's form, one row per ticket opened from a panel. Written only by
-- ticket_create_with_answers.
create table public.ticket_form_answers (
  ticket_id bigint primary key references public.tickets (id),
  guild_id text not null check (guild_id ~ '^[0-9]{1,20}$'),
  -- [{ "question": 1..45 characters, "answer": 0..4000 characters }], in the form's order, at most five.
  answers jsonb not null check (jsonb_typeof(answers) = 'array' and jsonb_array_length(answers) between 1 and 5),
  created_at timestamptz not null default now()
);
comment on table public.ticket_form_answers is
  'What a member answered on a category''s form (ticket panels). Readable with its ticket; written by ticket_create_with_answers.';

revoke all on public.ticket_form_answers from public, anon, authenticated, service_role;
grant select on public.ticket_form_answers to authenticated;
alter table public.ticket_form_answers enable row level security;
create policy "whoever reads the ticket reads its form answers" on public.ticket_form_answers
  for select to authenticated
  using (
    guild_id = (select auth.jwt() ->> 'guild_id')
    and exists (select 1 from public.tickets t where t.id = ticket_id)
  );

-- An admin's Maxis records where it posted (or re-posted) the server's ticket panel. Both null forgets it.
create function public.server_settings_record_panel(p_channel_id text, p_message_id text) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  s public.server_settings;
  v_old jsonb;
  v_diff jsonb;
begin
  perform tickets_private.require_admin(c);
  if (p_channel_id is null) <> (p_message_id is null)
     or coalesce(p_channel_id, '0') !~ '^[0-9]{1,20}$' or coalesce(p_message_id, '0') !~ '^[0-9]{1,20}$' then
    perform tickets_private.fail('invalid_panel', 'A panel is a channel id and a message id (or neither).');
  end if;
  select x.* into s from public.server_settings x where x.guild_id = c.guild_id for update;
  if s.guild_id is null then
    perform tickets_private.fail('server_not_set_up', 'Maxis has not served this server yet.');
  end if;
  v_old := jsonb_build_object('panelChannelId', s.panel_channel_id, 'panelMessageId', s.panel_message_id);
  update public.server_settings x
     set panel_channel_id = p_channel_id, panel_message_id = p_message_id, updated_at = now()
   where x.guild_id = c.guild_id
  returning x.* into s;
  v_diff := tickets_private.changed_fields(v_old,
    jsonb_build_object('panelChannelId', s.panel_channel_id, 'panelMessageId', s.panel_message_id));
  if v_diff is not null then
    perform tickets_private.audit_settings(c.guild_id, 'settings_changed', null, v_diff -> 'before', v_diff -> 'after');
  end if;
  return tickets_private.settings_json(s);
end
$$;

-- A member opens a ticket from a category's form: the ticket exactly as ticket_create opens it (same
-- checks: enabled category, open-ticket limit, lengths), and the form's answers with it, in one
-- transaction. p_answers: [{ question, answer }], one to five.
create function public.ticket_create_with_answers(
  p_subject text,
  p_description text,
  p_category text,
  p_answers jsonb,
  p_locale text default 'en'
) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_ticket jsonb;
  v_answers jsonb := '[]'::jsonb;
  a jsonb;
begin
  if p_answers is null or jsonb_typeof(p_answers) <> 'array' or jsonb_array_length(p_answers) not between 1 and 5 then
    perform tickets_private.fail('invalid_answers', 'A form has one to five answers.');
  end if;
  for a in select e from jsonb_array_elements(p_answers) e loop
    if jsonb_typeof(a) <> 'object' or jsonb_typeof(a -> 'answer') not in ('string', 'null') then
      perform tickets_private.fail('invalid_answers', 'An answer is { question, answer }.');
    end if;
    if char_length(coalesce(a ->> 'answer', '')) > 4000 then
      perform tickets_private.fail('invalid_answers', 'An answer has at most 4000 characters.');
    end if;
    v_answers := v_answers || jsonb_build_array(jsonb_build_object(
      'question', tickets_private.parse_setting_text(a -> 'question', 45, 'question_label', false),
      'answer', coalesce(a ->> 'answer', '')));
  end loop;
  v_ticket := public.ticket_create(p_subject, p_description, p_category, 'medium', p_locale);
  insert into public.ticket_form_answers (ticket_id, guild_id, answers)
  select t.id, t.guild_id, v_answers from public.tickets t
   where t.guild_id = c.guild_id and t.number = (v_ticket ->> 'number')::integer;
  return v_ticket || jsonb_build_object('answers', v_answers);
end
$$;

revoke all on function
  public.server_settings_record_panel(text, text),
  public.ticket_create_with_answers(text, text, text, jsonb, text)
from public, anon, authenticated, service_role;
grant execute on function
  public.server_settings_record_panel(text, text),
  public.ticket_create_with_answers(text, text, text, jsonb, text)
to authenticated;
