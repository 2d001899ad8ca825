import { defineMessages } from "../define";

/**
 * The `/maxis execute` allow-list as operators read it: each operation's usage line (its name and
 * `on|off` stay as typed; the placeholders are words of the reader's language) and what it does.
 */
export const controlOperations = /* @__PURE__ */ defineMessages(
  {
    "control.operation.sync-commands.usage": "sync-commands",
    "control.operation.sync-commands.description": "re-register Maxis's slash commands with Discord",
    "control.operation.maintenance.usage": "maintenance on|off",
    "control.operation.maintenance.description": "members get a notice, staff keep working",
    "control.operation.close-stale-tickets.usage": "close-stale-tickets DAYS (1–365)",
    "control.operation.close-stale-tickets.description": "close the tickets idle for more than DAYS days",
    "control.operation.end-giveaway.usage": "end-giveaway GIVEAWAY_ID",
    "control.operation.end-giveaway.description": "draw a running giveaway's winners now",
    "control.operation.reroll.usage": "reroll GIVEAWAY_ID [WINNERS 1–20]",
    "control.operation.reroll.description": "draw new winners of an ended giveaway",
    "control.operation.line": "• `{usage}`: {description}",
  },
  {
    "control.operation.sync-commands.usage": "sync-commands",
    "control.operation.sync-commands.description":
      "réenregistrer les commandes slash de Maxis auprès de Discord",
    "control.operation.maintenance.usage": "maintenance on|off",
    "control.operation.maintenance.description":
      "les membres voient un avis, l'équipe continue de travailler",
    "control.operation.close-stale-tickets.usage": "close-stale-tickets JOURS (1–365)",
    "control.operation.close-stale-tickets.description":
      "fermer les tickets sans activité depuis plus de JOURS jours",
    "control.operation.end-giveaway.usage": "end-giveaway ID_CONCOURS",
    "control.operation.end-giveaway.description":
      "tirer au sort maintenant les gagnants d'un concours en cours",
    "control.operation.reroll.usage": "reroll ID_CONCOURS [GAGNANTS 1–20]",
    "control.operation.reroll.description": "tirer de nouveaux gagnants d'un concours terminé",
    "control.operation.line": "• `{usage}` : {description}",
  },
);
