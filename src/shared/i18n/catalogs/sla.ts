import { defineMessages } from "../define";

/**
 * Response-time targets (issue 13 §4): the escalations Maxis posts in a server's staff channel when a
 * ticket's first response or resolution is due soon or overdue, in the server's language, and the
 * API's refusals of SLA settings.
 */
export const sla = /* @__PURE__ */ defineMessages(
  {
    "sla.escalation.first_response_approaching":
      "⏳ **First response due soon**: ticket **#{number}** ({priority}) is due {due}.",
    "sla.escalation.first_response_breached":
      "🚨 **First response overdue**: ticket **#{number}** ({priority}) was due {due} and nobody has answered.",
    "sla.escalation.resolution_approaching":
      "⏳ **Resolution due soon**: ticket **#{number}** ({priority}) should be resolved {due}.",
    "sla.escalation.resolution_breached":
      "🚨 **Resolution overdue**: ticket **#{number}** ({priority}) was due to be resolved {due}.",
    "sla.escalation.subject": "Subject: {subject}",
    "sla.escalation.assignee": "Assigned to <@{assignee}>.",
    "sla.escalation.unassigned": "Nobody is assigned.",
    "sla.error.admin_only":
      "Only the server's administrators (Manage Server) can change response-time targets.",
    "sla.error.server_not_set_up": "Maxis has not served this server yet.",
    "sla.error.invalid_settings": "That is not a response-time setting.",
    "sla.error.invalid_time_zone": "A time zone is an IANA name such as Europe/Paris.",
    "sla.error.invalid_weekly_hours":
      "Weekly hours are spans with a day (1 = Monday to 7), a start and an end (HH:MM), each ending after it starts and none overlapping.",
    "sla.error.invalid_holidays": "Holidays are at most 100 dates written YYYY-MM-DD.",
    "sla.error.invalid_targets":
      "Targets give each priority a first-response and a resolution time in minutes (1 to 525600), or none.",
    "sla.error.invalid_warn_percent": "The warning comes when 50 to 99 % of a target has elapsed.",
    "sla.error.invalid_on_call_role": "The on-call role is a Discord role id, or none.",
  },
  {
    "sla.escalation.first_response_approaching":
      "⏳ **Première réponse bientôt due** : le ticket **#{number}** ({priority}) est dû {due}.",
    "sla.escalation.first_response_breached":
      "🚨 **Première réponse en retard** : le ticket **#{number}** ({priority}) était dû {due} et personne n'a répondu.",
    "sla.escalation.resolution_approaching":
      "⏳ **Résolution bientôt due** : le ticket **#{number}** ({priority}) doit être résolu {due}.",
    "sla.escalation.resolution_breached":
      "🚨 **Résolution en retard** : le ticket **#{number}** ({priority}) devait être résolu {due}.",
    "sla.escalation.subject": "Sujet : {subject}",
    "sla.escalation.assignee": "Assigné à <@{assignee}>.",
    "sla.escalation.unassigned": "Personne n'est assigné.",
    "sla.error.admin_only":
      "Seuls les administrateurs du serveur (Gérer le serveur) peuvent changer les objectifs de délai.",
    "sla.error.server_not_set_up": "Maxis n'a pas encore servi ce serveur.",
    "sla.error.invalid_settings": "Ce n'est pas un réglage des objectifs de délai.",
    "sla.error.invalid_time_zone": "Un fuseau horaire est un nom IANA comme Europe/Paris.",
    "sla.error.invalid_weekly_hours":
      "Les horaires sont des plages avec un jour (1 = lundi à 7), un début et une fin (HH:MM), chacune finissant après son début, sans chevauchement.",
    "sla.error.invalid_holidays": "Les jours fériés sont au plus 100 dates écrites AAAA-MM-JJ.",
    "sla.error.invalid_targets":
      "Les objectifs donnent à chaque priorité un délai de première réponse et de résolution en minutes (1 à 525600), ou aucun.",
    "sla.error.invalid_warn_percent": "L'alerte vient quand 50 à 99 % d'un objectif est écoulé.",
    "sla.error.invalid_on_call_role": "Le rôle d'astreinte est un identifiant de rôle Discord, ou aucun.",
  },
);
