import { defineMessages } from "../define";

/** What Maxis says about the control API: the maintenance notice, execute results, the report. */
export const maxisControl = /* @__PURE__ */ defineMessages(
  {
    "maintenance.notice": "Maxis is under maintenance right now. Please try again a little later.",
    "maintenance.notice_since":
      "Maxis has been under maintenance since <t:{since}:f> (<t:{since}:R>). Please try again a little later.",
    "control.error.invalid_body": "The request was not understood: {detail}.",
    "control.error.unknown_action": "Maxis has no control action named {action}.",
    "control.error.not_available": "{feature} is not available on this Maxis yet.",
    "control.error.invalid_period": "The period must look like 24h, 7d, 30d or 12w (1 hour to 366 days).",
    "control.error.internal": "Maxis could not finish this action; the details are in its logs.",
    "control.error.database": "Maxis cannot reach its database right now.",
    "control.error.unknown_operation":
      "There is no operation named “{name}”. Allowed operations:\n{operations}",
    "control.error.invalid_arguments": "Wrong arguments. Usage: `{usage}`",
    "control.feature.tickets": "Tickets",
    "control.feature.giveaways": "Giveaways",
    "control.feature.shop": "The shop",
    "control.execute.synced":
      "Re-registered {count, plural, one {# command} other {# commands}} with Discord ({where}).",
    "control.sync.where_global": "global commands",
    "control.promo.existing_plans": "Existing plans: {plans}.",
    "control.giveaway.invalid_channel":
      "Maxis cannot post in that channel: choose a text or announcement channel of one of its servers.",
    "control.sync.where_guilds": "server commands in {guilds}",
    "control.sync.bad_command_guilds": "COMMAND_GUILD_IDS is not valid: {detail}. Nothing was synced.",
    "control.execute.sync_failed": "Discord refused the command sync: {reason}",
    "control.execute.no_application_id":
      "DISCORD_APPLICATION_ID is not set on this Maxis, so commands cannot be synced.",
    "control.execute.maintenance_on": "Maintenance is on: members now get a maintenance notice.",
    "control.execute.maintenance_off": "Maintenance is off: members can use Maxis again.",
    "control.execute.maintenance_unchanged_on": "Maintenance was already on.",
    "control.execute.maintenance_unchanged_off": "Maintenance was already off.",
    "control.execute.closed_stale":
      "Closed {count, plural, one {# ticket} other {# tickets}} idle for more than {days, plural, one {# day} other {# days}}.",
    "control.execute.giveaway_ended": "Giveaway {id} (“{prize}”) ended; winners: {winners}.",
    "control.execute.giveaway_rerolled": "Giveaway {id} (“{prize}”) rerolled; new winners: {winners}.",
    "control.execute.no_winners": "nobody",
    "control.report.title": "Maxis report",
    "control.report.description": "Version {version}, boot {bootId}, period {period} ({since} → {until}).",
    "control.report.health": "Health",
    "control.report.health_value":
      "Database: {database}\nMaintenance: {maintenance}\nLast restart: {restart}",
    "control.report.activity": "Activity over {period}",
    "control.report.tickets_value": "Tickets: {opened} opened, {closed} closed, {open} open now",
    "control.report.giveaways_value":
      "Giveaways: {started} started, {ended} ended, {running} running, {entrants, plural, one {# entrant} other {# entrants}}",
    "control.report.promotions_value":
      "Promotions: {run} run on {plans, plural, one {# plan} other {# plans}}, {live} live now",
    "control.report.unavailable": "{feature}: not available",
    "control.report.recent": "Recent control calls",
    "control.report.no_recent": "None recorded.",
    "control.report.outcome.pending": "pending",
    "control.report.outcome.accepted": "accepted",
    "control.report.outcome.rejected": "rejected",
    "control.report.outcome.refused": "refused",
    "control.report.outcome.failed": "failed",
    "control.report.db_up": "reachable ({ms} ms)",
    "control.report.db_down": "unreachable",
    "control.report.on": "on",
    "control.report.on_since": "on since {since}, by {by}",
    "control.report.restarted": "{at}, by {by}",
    "control.report.off": "off",
    "control.report.never": "never",
  },
  {
    "maintenance.notice": "Maxis est en maintenance pour le moment. Réessayez un peu plus tard.",
    "maintenance.notice_since":
      "Maxis est en maintenance depuis le <t:{since}:f> (<t:{since}:R>). Réessayez un peu plus tard.",
    "control.error.invalid_body": "La requête n'a pas été comprise : {detail}.",
    "control.error.unknown_action": "Maxis n'a pas d'action de contrôle nommée {action}.",
    "control.error.not_available": "{feature} : pas encore disponible sur ce Maxis.",
    "control.error.invalid_period": "La période s'écrit comme 24h, 7j, 30j ou 12w (d'une heure à 366 jours).",
    "control.error.internal": "Maxis n'a pas pu terminer cette action ; les détails sont dans ses journaux.",
    "control.error.database": "Maxis ne peut pas joindre sa base de données pour le moment.",
    "control.error.unknown_operation":
      "Aucune opération ne s'appelle « {name} ». Opérations autorisées :\n{operations}",
    "control.error.invalid_arguments": "Arguments incorrects. Utilisation : `{usage}`",
    "control.feature.tickets": "Les tickets",
    "control.feature.giveaways": "Les concours",
    "control.feature.shop": "La boutique",
    "control.execute.synced":
      "{count, plural, one {# commande réenregistrée} other {# commandes réenregistrées}} auprès de Discord ({where}).",
    "control.sync.where_global": "commandes globales",
    "control.promo.existing_plans": "Offres existantes : {plans}.",
    "control.giveaway.invalid_channel":
      "Maxis ne peut pas publier dans ce salon : choisissez un salon textuel ou d'annonces de l'un de ses serveurs.",
    "control.sync.where_guilds": "commandes de serveur dans {guilds}",
    "control.sync.bad_command_guilds":
      "COMMAND_GUILD_IDS n'est pas valide : {detail}. Rien n'a été synchronisé.",
    "control.execute.sync_failed": "Discord a refusé la synchronisation des commandes : {reason}",
    "control.execute.no_application_id":
      "DISCORD_APPLICATION_ID n'est pas défini sur ce Maxis : impossible de synchroniser les commandes.",
    "control.execute.maintenance_on":
      "Maintenance activée : les membres reçoivent désormais un avis de maintenance.",
    "control.execute.maintenance_off":
      "Maintenance désactivée : les membres peuvent de nouveau utiliser Maxis.",
    "control.execute.maintenance_unchanged_on": "La maintenance était déjà activée.",
    "control.execute.maintenance_unchanged_off": "La maintenance était déjà désactivée.",
    "control.execute.closed_stale":
      "Tickets inactifs depuis plus de {days, plural, one {# jour} other {# jours}} fermés : {count}.",
    "control.execute.giveaway_ended": "Concours {id} (« {prize} ») terminé ; gagnants : {winners}.",
    "control.execute.giveaway_rerolled":
      "Concours {id} (« {prize} ») retiré au sort ; nouveaux gagnants : {winners}.",
    "control.execute.no_winners": "personne",
    "control.report.title": "Rapport Maxis",
    "control.report.description":
      "Version {version}, démarrage {bootId}, période {period} ({since} → {until}).",
    "control.report.health": "État",
    "control.report.health_value":
      "Base de données : {database}\nMaintenance : {maintenance}\nDernier redémarrage : {restart}",
    "control.report.activity": "Activité sur {period}",
    "control.report.tickets_value":
      "Tickets : {opened, plural, one {# ouvert} other {# ouverts}}, {closed, plural, one {# fermé} other {# fermés}}, {open, plural, one {# ouvert} other {# ouverts}} maintenant",
    "control.report.giveaways_value":
      "Concours : {started, plural, one {# lancé} other {# lancés}}, {ended, plural, one {# terminé} other {# terminés}}, {running} en cours, {entrants, plural, one {# participant} other {# participants}}",
    "control.report.promotions_value":
      "Promotions : {run} sur {plans, plural, one {# offre} other {# offres}}, {live} en cours",
    "control.report.unavailable": "{feature} : non disponible",
    "control.report.recent": "Derniers appels de contrôle",
    "control.report.no_recent": "Aucun enregistré.",
    "control.report.outcome.pending": "en cours",
    "control.report.outcome.accepted": "accepté",
    "control.report.outcome.rejected": "rejeté",
    "control.report.outcome.refused": "refusé",
    "control.report.outcome.failed": "échoué",
    "control.report.db_up": "joignable ({ms} ms)",
    "control.report.db_down": "injoignable",
    "control.report.on": "activée",
    "control.report.on_since": "activée depuis le {since}, par {by}",
    "control.report.restarted": "le {at}, par {by}",
    "control.report.off": "désactivée",
    "control.report.never": "jamais",
  },
);
