-- The owner's rating answers were refused with codes that said the wrong thing: their own ticket that
-- was never asked for a rating was 'ticket_not_found' (Maxis answered "only the person who opened
-- this ticket can answer"), a comment before the score likewise, and a second comment
-- 'already_rated'. Each case has its own code now: 'rating_not_asked', 'rating_missing',
-- 'already_commented'. Someone else's ticket stays 'ticket_not_found', exactly like a missing one.

-- The owner rates their closed ticket #p_number (1..5), once; the prompt must have been sent.
create or replace function public.ticket_rate(p_number integer, p_score integer) returns jsonb
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
  if t.id is null then
    perform tickets_private.fail('ticket_not_found', format('No ticket #%s of yours here.', p_number));
  end if;
  select x.* into r from public.ticket_ratings x where x.ticket_id = t.id for update;
  if r.ticket_id is null then
    perform tickets_private.fail('rating_not_asked', format('Ticket #%s has not been asked for a rating.', t.number));
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
create or replace function public.ticket_rate_comment(p_number integer, p_comment text) returns jsonb
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
  if t.id is null then
    perform tickets_private.fail('ticket_not_found', format('No ticket #%s of yours here.', p_number));
  end if;
  select x.* into r from public.ticket_ratings x where x.ticket_id = t.id for update;
  if r.ticket_id is null then
    perform tickets_private.fail('rating_not_asked', format('Ticket #%s has not been asked for a rating.', t.number));
  end if;
  if r.score is null then
    perform tickets_private.fail('rating_missing', format('Ticket #%s is not rated yet.', t.number));
  end if;
  if r.comment is not null then
    perform tickets_private.fail('already_commented', format('Ticket #%s already has a comment.', t.number));
  end if;
  update public.ticket_ratings x set comment = v_comment where x.ticket_id = t.id;
  perform tickets_private.audit_automation(t, 'rated', jsonb_build_object('comment', v_comment));
  return jsonb_build_object('number', t.number, 'score', r.score);
end
$$;
