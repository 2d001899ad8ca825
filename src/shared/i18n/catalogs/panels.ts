import { defineMessages } from "../define";

/** /setup's menus and form, Maxis's permission checks, and the ticket panel (/ticket panel). */
export const panels = /* @__PURE__ */ defineMessages(
  {
    "setup.support_channel": "Support channel (ticket threads): {channel}",
    "setup.panel": "Panel: {title}",
    "setup.view.staff_roles": "Staff roles (holding one makes a member staff)",
    "setup.view.support_channel": "Support channel (private ticket threads)",
    "setup.view.staff_channel": "Staff channel (new tickets announced)",
    "setup.view.language": "Language of posts",
    "setup.view.dms_on": "DMs to members: on",
    "setup.view.dms_off": "DMs to members: off",
    "setup.view.texts": "Panel texts and limit…",
    "setup.modal.title": "Panel texts and open-ticket limit",
    "setup.modal.panel_title": "Panel title (empty: the default)",
    "setup.modal.panel_text": "Panel text (empty: the default)",
    "setup.modal.limit": "Open tickets per member (1 to 50)",
    "setup.limit_invalid":
      "The open-ticket limit is a whole number from 1 to 50, not “{value}”. Nothing was saved.",
    "setup.channel_missing":
      "Maxis cannot work in {channel} yet. Missing there: {permissions}. Give Maxis these permissions (on its role or in the channel's permissions), then choose the channel again. Nothing was saved.",
    "permission.ViewChannel": "View Channel",
    "permission.SendMessages": "Send Messages",
    "permission.EmbedLinks": "Embed Links",
    "permission.CreatePrivateThreads": "Create Private Threads",
    "permission.SendMessagesInThreads": "Send Messages in Threads",
    "permission.ManageThreads": "Manage Threads",
    "permission.ManageWebhooks": "Manage Webhooks",
    "command.ticket.panel.name": "panel",
    "command.ticket.panel.description": "Admins: post the ticket panel in a channel, or update it",
    "command.ticket.option.panel_channel.name": "channel",
    "command.ticket.option.panel_channel.description": "Where to post it (default: this channel)",
    "panel.default_title": "Need help?",
    "panel.default_text":
      "Choose what your request is about below. A short private form opens; the team then answers you in a private thread.",
    "panel.select_placeholder": "What is your request about?",
    "panel.posted": "The ticket panel is posted in {channel}.",
    "panel.updated": "The ticket panel in {channel} is up to date.",
    "panel.no_categories": "No ticket category is enabled on this server: enable one in the settings first.",
    "panel.failed": "The panel could not be posted. Try again in a moment.",
    "panel.category_unavailable":
      "This category does not take tickets any more. Pick another one on the panel.",
    "panel.answer_required": "“{question}” needs an answer.",
  },
  {
    "setup.support_channel": "Salon d'assistance (fils des tickets) : {channel}",
    "setup.panel": "Panneau : {title}",
    "setup.view.staff_roles": "Rôles de support (en avoir un rend membre de l'équipe)",
    "setup.view.support_channel": "Salon d'assistance (fils privés des tickets)",
    "setup.view.staff_channel": "Salon de l'équipe (annonce des nouveaux tickets)",
    "setup.view.language": "Langue des publications",
    "setup.view.dms_on": "MP aux membres : activés",
    "setup.view.dms_off": "MP aux membres : désactivés",
    "setup.view.texts": "Textes du panneau et limite…",
    "setup.modal.title": "Textes du panneau et limite de tickets",
    "setup.modal.panel_title": "Titre du panneau (vide : par défaut)",
    "setup.modal.panel_text": "Texte du panneau (vide : par défaut)",
    "setup.modal.limit": "Tickets ouverts par membre (1 à 50)",
    "setup.limit_invalid":
      "La limite de tickets ouverts est un nombre entier de 1 à 50, pas « {value} ». Rien n'a été enregistré.",
    "setup.channel_missing":
      "Maxis ne peut pas encore fonctionner dans {channel}. Il y manque : {permissions}. Donnez ces permissions à Maxis (sur son rôle ou dans les permissions du salon), puis choisissez à nouveau le salon. Rien n'a été enregistré.",
    "permission.ViewChannel": "Voir le salon",
    "permission.SendMessages": "Envoyer des messages",
    "permission.EmbedLinks": "Intégrer des liens",
    "permission.CreatePrivateThreads": "Créer des fils privés",
    "permission.SendMessagesInThreads": "Envoyer des messages dans les fils",
    "permission.ManageThreads": "Gérer les fils",
    "permission.ManageWebhooks": "Gérer les webhooks",
    "command.ticket.panel.name": "panneau",
    "command.ticket.panel.description":
      "Admins : publier le panneau de tickets dans un salon, ou le mettre à jour",
    "command.ticket.option.panel_channel.name": "salon",
    "command.ticket.option.panel_channel.description": "Où le publier (par défaut : ce salon)",
    "panel.default_title": "Besoin d'aide ?",
    "panel.default_text":
      "Choisissez ci-dessous l'objet de votre demande. Un court formulaire privé s'ouvre ; l'équipe vous répond ensuite dans un fil privé.",
    "panel.select_placeholder": "Quel est l'objet de votre demande ?",
    "panel.posted": "Le panneau de tickets est publié dans {channel}.",
    "panel.updated": "Le panneau de tickets de {channel} est à jour.",
    "panel.no_categories":
      "Aucune catégorie de tickets n'est activée sur ce serveur : activez-en une dans les réglages d'abord.",
    "panel.failed": "Le panneau n'a pas pu être publié. Réessayez dans un instant.",
    "panel.category_unavailable":
      "Cette catégorie ne prend plus de tickets. Choisissez-en une autre sur le panneau.",
    "panel.answer_required": "« {question} » demande une réponse.",
  },
);
