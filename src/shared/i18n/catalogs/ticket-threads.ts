import { defineMessages } from "../define";

/**
 * Ticket threads (issue 12): the card's first words in each ticket's private thread, its buttons, the
 * notes Maxis writes there when a ticket closes or reopens, and the Gateway's state in /maxis status.
 */
export const ticketThreads = /* @__PURE__ */ defineMessages(
  {
    "ticket.discord_thread.welcome":
      "Ticket **#{number}**: write here, the support team answers in this thread. Everything said here is kept with the ticket.",
    "ticket.discord_thread.close": "Close the ticket",
    "ticket.discord_thread.closed": "🔒 Ticket **#{number}** was closed by <@{actor}>.",
    "ticket.discord_thread.closed_by_system":
      "🔒 Ticket **#{number}** was closed automatically after a long silence.",
    "ticket.discord_thread.reason": "Reason: {reason}",
    "ticket.discord_thread.reopened": "🔓 Ticket **#{number}** was reopened.",
    "ticket.discord_thread.not_here": "This button belongs to a ticket of another server.",
  },
  {
    "ticket.discord_thread.welcome":
      "Ticket **#{number}** : écrivez ici, l'équipe de support répond dans ce fil. Tout ce qui s'y dit est conservé avec le ticket.",
    "ticket.discord_thread.close": "Fermer le ticket",
    "ticket.discord_thread.closed": "🔒 Le ticket **#{number}** a été fermé par <@{actor}>.",
    "ticket.discord_thread.closed_by_system":
      "🔒 Le ticket **#{number}** a été fermé automatiquement après un long silence.",
    "ticket.discord_thread.reason": "Raison : {reason}",
    "ticket.discord_thread.reopened": "🔓 Le ticket **#{number}** a été rouvert.",
    "ticket.discord_thread.not_here": "Ce bouton appartient à un ticket d'un autre serveur.",
  },
);
