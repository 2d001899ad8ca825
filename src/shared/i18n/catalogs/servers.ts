import { defineMessages } from "../define";

/** Maxis's per-server settings: /setup and what it answers. */
export const servers = /* @__PURE__ */ defineMessages(
  {
    "command.setup.description": "Admins: see and change this server's Maxis settings",
    "command.setup.show.name": "show",
    "command.setup.show.description": "Show this server's settings and ticket categories",
    "command.setup.category_role.name": "category-role",
    "command.setup.category_role.description":
      "Keep a category to a role (add it, or remove it if it is there already)",
    "command.setup.option.role.name": "role",
    "command.setup.option.role.description": "A role of this server",
    "command.setup.option.category.name": "category",
    "command.setup.option.category.description": "The ticket category",
    "setup.title": "Maxis settings of this server",
    "setup.staff_roles": "Staff roles: {roles}",
    "setup.staff_channel": "Staff channel: {channel}",
    "setup.limit": "Open tickets per member: **{limit}**",
    "setup.dms": "DMs to members: {state}",
    "setup.language": "Language of posts: {language}",
    "setup.categories": "Categories:",
    "setup.category": "{emoji} {label}{disabled}: {staff}",
    "setup.category.everyone": "every staff member",
    "setup.category.disabled": " (disabled)",
    "setup.none": "none",
    "setup.on": "on",
    "setup.off": "off",
    "setup.language.en": "English",
    "setup.language.fr": "French",
    "setup.integrations_hint":
      "Staff by role see /ticket-staff once you allow their roles in Server Settings → Integrations → Maxis.",
    "setup.saved": "Saved.",
    "setup.admin_only": "Only this server's administrators (Manage Server) can change its settings.",
    "setup.channel_unusable":
      "Maxis cannot use {channel}: it must be a text or announcement channel of this server that Maxis can see. Also let Maxis send messages and embed links there.",
    "setup.failed": "The settings could not be saved. Try again in a moment.",
    "setup.too_long.panel_title":
      "The panel's title has at most {max} characters (this one has {count}). Nothing was saved.",
    "setup.too_long.panel_text":
      "The panel's text has at most {max} characters (this one has {count}). Nothing was saved.",
    "setup.category_role.added":
      "Role <@&{role}> now handles **{category}**: only its holders (and admins) see its tickets.",
    "setup.category_role.removed": "Role <@&{role}> no longer handles **{category}**.",
    "setup.category_role.removed_last":
      "Role <@&{role}> no longer handles **{category}**: every staff member handles it again.",
    "setup.members_intent_missing":
      "⚠️ Maxis does not have the **Server Members Intent**, so Discord will not give it this server's member list: the dashboard's assignee list shows only the people Maxis already knows, not everyone holding a staff role. Turn it on in the Discord Developer Portal (your application → Bot → Privileged Gateway Intents → Server Members Intent).",
  },
  {
    "command.setup.description": "Admins : voir et modifier les réglages de Maxis pour ce serveur",
    "command.setup.show.name": "afficher",
    "command.setup.show.description": "Afficher les réglages et les catégories de tickets de ce serveur",
    "command.setup.category_role.name": "role-categorie",
    "command.setup.category_role.description":
      "Réserver une catégorie à un rôle (l'ajouter, ou le retirer s'il y est déjà)",
    "command.setup.option.role.name": "role",
    "command.setup.option.role.description": "Un rôle de ce serveur",
    "command.setup.option.category.name": "categorie",
    "command.setup.option.category.description": "La catégorie de tickets",
    "setup.title": "Réglages de Maxis pour ce serveur",
    "setup.staff_roles": "Rôles de support : {roles}",
    "setup.staff_channel": "Salon de l'équipe : {channel}",
    "setup.limit": "Tickets ouverts par membre : **{limit}**",
    "setup.dms": "MP aux membres : {state}",
    "setup.language": "Langue des publications : {language}",
    "setup.categories": "Catégories :",
    "setup.category": "{emoji} {label}{disabled} : {staff}",
    "setup.category.everyone": "toute l'équipe",
    "setup.category.disabled": " (désactivée)",
    "setup.none": "aucun",
    "setup.on": "activés",
    "setup.off": "désactivés",
    "setup.language.en": "anglais",
    "setup.language.fr": "français",
    "setup.integrations_hint":
      "Les membres de l'équipe par rôle voient /ticket-staff une fois leurs rôles autorisés dans Paramètres du serveur → Intégrations → Maxis.",
    "setup.saved": "Enregistré.",
    "setup.admin_only":
      "Seuls les administrateurs de ce serveur (Gérer le serveur) peuvent modifier ses réglages.",
    "setup.channel_unusable":
      "Maxis ne peut pas utiliser {channel} : il faut un salon textuel ou d'annonces de ce serveur que Maxis peut voir. Autorisez aussi Maxis à y envoyer des messages et à intégrer des liens.",
    "setup.failed": "Les réglages n'ont pas pu être enregistrés. Réessayez dans un instant.",
    "setup.too_long.panel_title":
      "Le titre du panneau a au plus {max} caractères (celui-ci en a {count}). Rien n'a été enregistré.",
    "setup.too_long.panel_text":
      "Le texte du panneau a au plus {max} caractères (celui-ci en a {count}). Rien n'a été enregistré.",
    "setup.category_role.added":
      "Le rôle <@&{role}> s'occupe désormais de **{category}** : seuls ses membres (et les admins) en voient les tickets.",
    "setup.category_role.removed": "Le rôle <@&{role}> ne s'occupe plus de **{category}**.",
    "setup.category_role.removed_last":
      "Le rôle <@&{role}> ne s'occupe plus de **{category}** : toute l'équipe s'en occupe de nouveau.",
    "setup.members_intent_missing":
      "⚠️ Maxis n'a pas l'intent **Server Members**, donc Discord ne lui donne pas la liste des membres de ce serveur : dans le tableau de bord, la liste des personnes à qui assigner un ticket ne montre que celles que Maxis connaît déjà, pas tous les membres qui ont un rôle de support. Activez-le dans le portail des développeurs Discord (votre application → Bot → Privileged Gateway Intents → Server Members Intent).",
  },
);
