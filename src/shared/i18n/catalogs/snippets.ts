import { defineMessages } from "../define";

/** Canned replies (`/ticket reply snippet:`, the dashboard's snippets) and the dashboard's Settings API. */
export const snippets = /* @__PURE__ */ defineMessages(
  {
    "command.ticket.option.snippet.name": "snippet",
    "command.ticket.option.snippet.description":
      "Staff: start the reply with one of the server's canned replies",
    "snippet.error.not_authenticated": "Sign in again to use canned replies.",
    "snippet.error.guild_required": "Canned replies belong to a server.",
    "snippet.error.staff_only": "Only the support team can use canned replies.",
    "snippet.error.admin_only":
      "Only the server's admins (Administrator or Manage Server) can change canned replies.",
    "snippet.error.search_too_long": "A search has at most 100 characters.",
    "snippet.error.invalid_snippet_name": "A canned reply's name has 1 to {nameMax} characters on one line.",
    "snippet.error.snippet_empty": "Write the English text, the French text, or both.",
    "snippet.error.snippet_too_long": "Each text has at most {bodyMax} characters.",
    "snippet.error.snippet_name_taken": "This server already has a canned reply of that name.",
    "snippet.error.snippet_not_found":
      "This server has no canned reply of that name. Pick one from the list.",
    "snippet.error.too_many_snippets": "A server has at most {perServer} canned replies.",
    "snippet.error.ticket_not_found": "Ticket {ticket} was not found.",
    "snippet.error.invalid_ticket_number": "“{ticket}” is not a ticket number. Type it like 42 or #42.",
    "settings.error.not_authenticated": "Sign in again to see the settings.",
    "settings.error.guild_required": "Settings belong to a server: sign in to one.",
    "settings.error.admin_only":
      "Only the server's admins (Administrator or Manage Server) can change its settings.",
    "settings.error.staff_only": "Only the support team can see the server's settings.",
    "settings.error.server_not_set_up": "Maxis has not served this server yet.",
    "settings.error.invalid_settings": "This is not a setting Maxis knows.",
    "settings.error.invalid_category": "This server has no such category.",
    "settings.error.invalid_open_ticket_limit": "The open-ticket limit is a whole number from 1 to 50.",
    "settings.error.invalid_dm_notifications": "DM notifications are on or off.",
    "settings.error.invalid_roles": "Choose at most 25 roles of this server.",
    "settings.error.invalid_staff_channel": "Choose one of this server's text channels.",
    "settings.error.invalid_support_channel": "Choose one of this server's text channels.",
    "settings.error.invalid_locale": "The language is English or French.",
    "settings.error.invalid_label": "A category's name has 1 to 45 characters.",
    "settings.error.invalid_emoji": "An emoji has at most 64 characters.",
    "settings.error.invalid_questions":
      "A form has at most five questions, each short or paragraph, required or not.",
    "settings.error.invalid_question_label": "Each question has a label of 1 to 45 characters.",
    "settings.error.invalid_question_placeholder": "A question's placeholder has at most 100 characters.",
    "settings.error.invalid_panel_title": "The panel's title has at most 256 characters.",
    "settings.error.invalid_panel_text": "The panel's text has at most 2000 characters.",
    "settings.error.discord_unavailable": "Discord did not answer; try again in a moment.",
    "settings.error.invalid_category_key":
      "A category's key has 1 to 32 characters: lowercase letters, digits and hyphens, starting with a letter or digit.",
    "settings.error.invalid_category_order": "The new order must name every category of the server once.",
    "settings.error.category_exists": "This server already has a category with that key.",
    "settings.error.too_many_categories":
      "A server has at most 25 categories: turn off one you no longer use.",
    "servers.error.not_staff_there": "You are not on this server's support team.",
    "servers.error.unknown_server": "Maxis is not on this server, or you are not a member of it.",
  },
  {
    "command.ticket.option.snippet.name": "modèle",
    "command.ticket.option.snippet.description":
      "Équipe : commencer la réponse par une des réponses types du serveur",
    "snippet.error.not_authenticated": "Reconnectez-vous pour utiliser les réponses types.",
    "snippet.error.guild_required": "Les réponses types appartiennent à un serveur.",
    "snippet.error.staff_only": "Seule l'équipe de support peut utiliser les réponses types.",
    "snippet.error.admin_only":
      "Seuls les administrateurs du serveur (Administrateur ou Gérer le serveur) peuvent modifier les réponses types.",
    "snippet.error.search_too_long": "Une recherche compte au plus 100 caractères.",
    "snippet.error.invalid_snippet_name":
      "Le nom d'une réponse type compte de 1 à {nameMax} caractères sur une ligne.",
    "snippet.error.snippet_empty": "Écrivez le texte anglais, le texte français, ou les deux.",
    "snippet.error.snippet_too_long": "Chaque texte compte au plus {bodyMax} caractères.",
    "snippet.error.snippet_name_taken": "Ce serveur a déjà une réponse type de ce nom.",
    "snippet.error.snippet_not_found":
      "Ce serveur n'a pas de réponse type de ce nom. Choisissez-en une dans la liste.",
    "snippet.error.too_many_snippets": "Un serveur a au plus {perServer} réponses types.",
    "snippet.error.ticket_not_found": "Le ticket {ticket} est introuvable.",
    "snippet.error.invalid_ticket_number":
      "« {ticket} » n'est pas un numéro de ticket. Tapez-le comme 42 ou #42.",
    "settings.error.not_authenticated": "Reconnectez-vous pour voir les réglages.",
    "settings.error.guild_required": "Les réglages appartiennent à un serveur : connectez-vous à l'un d'eux.",
    "settings.error.admin_only":
      "Seuls les administrateurs du serveur (Administrateur ou Gérer le serveur) peuvent modifier ses réglages.",
    "settings.error.staff_only": "Seule l'équipe de support peut voir les réglages du serveur.",
    "settings.error.server_not_set_up": "Maxis n'a pas encore servi ce serveur.",
    "settings.error.invalid_settings": "Maxis ne connaît pas ce réglage.",
    "settings.error.invalid_category": "Ce serveur n'a pas cette catégorie.",
    "settings.error.invalid_open_ticket_limit":
      "La limite de tickets ouverts est un nombre entier de 1 à 50.",
    "settings.error.invalid_dm_notifications": "Les messages privés sont activés ou désactivés.",
    "settings.error.invalid_roles": "Choisissez au plus 25 rôles de ce serveur.",
    "settings.error.invalid_staff_channel": "Choisissez un des salons textuels de ce serveur.",
    "settings.error.invalid_support_channel": "Choisissez un des salons textuels de ce serveur.",
    "settings.error.invalid_locale": "La langue est l'anglais ou le français.",
    "settings.error.invalid_label": "Le nom d'une catégorie compte de 1 à 45 caractères.",
    "settings.error.invalid_emoji": "Un emoji compte au plus 64 caractères.",
    "settings.error.invalid_questions":
      "Un formulaire a au plus cinq questions, chacune courte ou longue, obligatoire ou non.",
    "settings.error.invalid_question_label": "Chaque question a un intitulé de 1 à 45 caractères.",
    "settings.error.invalid_question_placeholder": "L'exemple d'une question compte au plus 100 caractères.",
    "settings.error.invalid_panel_title": "Le titre du panneau compte au plus 256 caractères.",
    "settings.error.invalid_panel_text": "Le texte du panneau compte au plus 2000 caractères.",
    "settings.error.discord_unavailable": "Discord n'a pas répondu ; réessayez dans un instant.",
    "settings.error.invalid_category_key":
      "La clé d'une catégorie compte 1 à 32 caractères : lettres minuscules, chiffres et tirets, en commençant par une lettre ou un chiffre.",
    "settings.error.invalid_category_order":
      "Le nouvel ordre doit nommer une fois chaque catégorie du serveur.",
    "settings.error.category_exists": "Ce serveur a déjà une catégorie avec cette clé.",
    "settings.error.too_many_categories":
      "Un serveur a au plus 25 catégories : désactivez-en une que vous n'utilisez plus.",
    "servers.error.not_staff_there": "Vous ne faites pas partie de l'équipe de support de ce serveur.",
    "servers.error.unknown_server": "Maxis n'est pas sur ce serveur, ou vous n'en êtes pas membre.",
  },
);
