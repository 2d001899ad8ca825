-- /ticket-staff status (and the dashboard's status) could not tell what it had done: setting the
-- status a ticket already had changed nothing yet answered like a change (and Maxis told the member
-- "closed" again each time), and a move out of "closed" looked like any other move, so the ticket's
-- thread stayed archived and locked. Now the unchanged status is refused, as ticket_close refuses a
-- closed ticket ('ticket_already_closed'; 'ticket_status_unchanged' for the other statuses), and the
-- answer carries the status it moved from: { ticket, previousStatus }.
create or replace function public.ticket_set_status(p_ticket text, p_status text) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  c tickets_private.caller := tickets_private.current_caller();
  v_status text;
  v_previous text;
  t public.tickets;
begin
  perform tickets_private.require_staff(c);
  v_status := tickets_private.parse_status(p_status);
  t := tickets_private.find_ticket(c, p_ticket, true);
  v_previous := t.status;
  if v_previous = v_status then
    if v_status = 'closed' then
      perform tickets_private.fail('ticket_already_closed', format('Ticket #%s is already closed.', t.number));
    end if;
    perform tickets_private.fail('ticket_status_unchanged',
      format('Ticket #%s is already %s.', t.number, v_status));
  end if;
  update public.tickets u set
    status = v_status,
    closed_at = case when v_status = 'closed' then now() end,
    closed_by = case when v_status = 'closed' then c.sub end,
    close_reason = null,
    last_activity_at = now()
  where u.id = t.id
  returning * into t;
  perform tickets_private.note_staff(c);
  return jsonb_build_object('ticket', tickets_private.ticket_json(t), 'previousStatus', v_previous);
end
$$;
