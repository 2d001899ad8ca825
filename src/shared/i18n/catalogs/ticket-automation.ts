import { defineMessages } from "../define";

/**
 * Support that runs by itself (issue 13): the inactivity warning and automatic close, close requests
 * (staff ask, the member answers), satisfaction ratings, and the automation settings.
 */
export const ticketAutomation = /* @__PURE__ */ defineMessages(
  {
    "command.ticket.close-request.name": "close-request",
    "command.ticket.close-request.description":
      "Staff: ask the member to close a ticket (it closes by itself without an answer)",
    "automation.warning":
      "⏳ Ticket **#{number}** is waiting for your answer. It closes automatically in {duration} unless you answer.",
    "automation.warning_dm":
      "⏳ Your ticket **#{number}** ({subject}) is waiting for your answer. It closes automatically in {duration} unless you answer with `/ticket reply`.",
    "automation.closed_no_answer":
      "🔒 Ticket **#{number}** was closed automatically: the close request got no answer.",
    "automation.closed_dm": "🔒 Your ticket **#{number}** ({subject}) was closed automatically.",
    "automation.close_request":
      "👋 <@{staff}> thinks ticket **#{number}** is solved. May it be closed? Without an answer it closes in {duration}.",
    "automation.close_request_dm":
      "👋 The support team thinks your ticket **#{number}** ({subject}) is solved. May it be closed? Without an answer it closes in {duration}.",
    "automation.close_request.accept": "Yes, close it",
    "automation.close_request.keep": "Keep it open",
    "automation.close_request.sent":
      "📨 The owner of ticket **#{number}** was asked to close it; without an answer it closes in {duration}.",
    "automation.close_request.accepted": "✅ Ticket **#{number}** is closed. Thank you!",
    "automation.close_request.kept": "👍 Ticket **#{number}** stays open; the support team will follow up.",
    "automation.close_request.not_pending": "This close request was already answered or has expired.",
    "automation.staff.ask_close": "Ask to close",
    "automation.rating.prompt": "⭐ How was the help on ticket **#{number}**? Rate it from 1 to 5.",
    "automation.rating.prompt_dm":
      "⭐ How was the help on your ticket **#{number}** ({subject})? Rate it from 1 to 5.",
    "automation.rating.comment": "Add a comment",
    "automation.rating.thanks": "Thank you! You rated ticket **#{number}** {score}/5.",
    "automation.rating.already": "Ticket **#{number}** is already rated. Thank you!",
    "automation.rating.not_asked":
      "Ticket **#{number}** has no rating to give: Maxis asks for one once the ticket is closed.",
    "automation.rating.missing": "Rate ticket **#{number}** first, then add a comment.",
    "automation.rating.comment_already": "You already sent a comment on ticket **#{number}**. Thank you!",
    "automation.rating.invalid": "A rating is from 1 to 5.",
    "automation.rating.modal_title": "Your comment on ticket #{number}",
    "automation.rating.modal_label": "What went well, what could be better?",
    "automation.rating.comment_thanks": "Thank you, your comment was passed on to the team.",
    "automation.rating.comment_empty": "The comment is empty.",
    "automation.rating.comment_too_long": "The comment has more than 1,000 characters.",
    "automation.not_owner": "Only the person who opened this ticket may answer here.",
    "automation.not_found": "This ticket cannot be found.",
    "automation.error.invalid_settings": "These automation settings are not valid.",
    "automation.error.admin_only": "Only the server's administrators (Manage Server) may change this.",
    "automation.error.server_not_set_up": "Maxis has not served this server yet.",
    "automation.error.invalid_inactivity_hours":
      "The inactivity delay is a whole number of hours from 1 to 720.",
    "automation.error.invalid_warning_hours":
      "The warning lead time is a whole number of hours from 1 to 168.",
    "automation.error.invalid_close_request_hours":
      "The close-request delay is a whole number of hours from 1 to 168.",
  },
  {
    "command.ticket.close-request.name": "demande-fermeture",
    "command.ticket.close-request.description":
      "Équipe : proposer au membre de fermer un ticket (il se ferme seul sans réponse)",
    "automation.warning":
      "⏳ Le ticket **#{number}** attend votre réponse. Il sera fermé automatiquement dans {duration} si vous ne répondez pas.",
    "automation.warning_dm":
      "⏳ Votre ticket **#{number}** ({subject}) attend votre réponse. Il sera fermé automatiquement dans {duration} si vous ne répondez pas avec `/ticket répondre`.",
    "automation.closed_no_answer":
      "🔒 Le ticket **#{number}** a été fermé automatiquement : la demande de fermeture est restée sans réponse.",
    "automation.closed_dm": "🔒 Votre ticket **#{number}** ({subject}) a été fermé automatiquement.",
    "automation.close_request":
      "👋 <@{staff}> pense que le ticket **#{number}** est résolu. Peut-il être fermé ? Sans réponse, il sera fermé dans {duration}.",
    "automation.close_request_dm":
      "👋 L'équipe de support pense que votre ticket **#{number}** ({subject}) est résolu. Peut-il être fermé ? Sans réponse, il sera fermé dans {duration}.",
    "automation.close_request.accept": "Oui, le fermer",
    "automation.close_request.keep": "Le garder ouvert",
    "automation.close_request.sent":
      "📨 L'auteur du ticket **#{number}** a été invité à le fermer ; sans réponse, il sera fermé dans {duration}.",
    "automation.close_request.accepted": "✅ Le ticket **#{number}** est fermé. Merci !",
    "automation.close_request.kept":
      "👍 Le ticket **#{number}** reste ouvert ; l'équipe de support va revenir vers vous.",
    "automation.close_request.not_pending": "Cette demande de fermeture a déjà reçu une réponse ou a expiré.",
    "automation.staff.ask_close": "Proposer la fermeture",
    "automation.rating.prompt":
      "⭐ Comment s'est passée l'aide sur le ticket **#{number}** ? Notez-la de 1 à 5.",
    "automation.rating.prompt_dm":
      "⭐ Comment s'est passée l'aide sur votre ticket **#{number}** ({subject}) ? Notez-la de 1 à 5.",
    "automation.rating.comment": "Ajouter un commentaire",
    "automation.rating.thanks": "Merci ! Vous avez noté le ticket **#{number}** {score}/5.",
    "automation.rating.already": "Le ticket **#{number}** est déjà noté. Merci !",
    "automation.rating.not_asked":
      "Le ticket **#{number}** n'attend pas de note : Maxis la demande une fois le ticket fermé.",
    "automation.rating.missing": "Notez d'abord le ticket **#{number}**, puis ajoutez un commentaire.",
    "automation.rating.comment_already":
      "Vous avez déjà envoyé un commentaire sur le ticket **#{number}**. Merci !",
    "automation.rating.invalid": "Une note va de 1 à 5.",
    "automation.rating.modal_title": "Votre commentaire sur le ticket #{number}",
    "automation.rating.modal_label": "Qu'est-ce qui a bien marché, que pourrait-on améliorer ?",
    "automation.rating.comment_thanks": "Merci, votre commentaire a été transmis à l'équipe.",
    "automation.rating.comment_empty": "Le commentaire est vide.",
    "automation.rating.comment_too_long": "Le commentaire dépasse 1 000 caractères.",
    "automation.not_owner": "Seule la personne qui a ouvert ce ticket peut répondre ici.",
    "automation.not_found": "Ce ticket est introuvable.",
    "automation.error.invalid_settings": "Ces réglages d'automatisation ne sont pas valides.",
    "automation.error.admin_only":
      "Seuls les administrateurs du serveur (Gérer le serveur) peuvent changer ceci.",
    "automation.error.server_not_set_up": "Maxis n'a pas encore servi ce serveur.",
    "automation.error.invalid_inactivity_hours":
      "Le délai d'inactivité est un nombre entier d'heures entre 1 et 720.",
    "automation.error.invalid_warning_hours":
      "Le préavis avant fermeture est un nombre entier d'heures entre 1 et 168.",
    "automation.error.invalid_close_request_hours":
      "Le délai de demande de fermeture est un nombre entier d'heures entre 1 et 168.",
  },
);
