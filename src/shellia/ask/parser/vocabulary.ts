/**
 * The words the built-in parser knows, folded (lower case, no accents), French and English side by
 * side. Typos are tolerated by `sameWord` (text.ts), so only correct spellings are listed.
 */

export const STATUS = ["status", "statut", "etat", "etats", "health", "sante", "ping", "alive", "online", "fonctionne", "running", "uptime"];
export const ANALYTICS = ["analytics", "analytique", "analytiques", "stats", "statistiques", "statistics", "chiffres", "metrics", "metriques", "kpi", "combien", "many"];
export const REPORT = ["report", "rapport", "bilan", "summary", "recapitulatif", "recap", "compte-rendu"];
export const PROMO = ["promo", "promos", "promotion", "promotions", "reduction", "remise", "discount", "soldes", "sale", "rabais", "off"];
export const GIVEAWAY = ["giveaway", "giveaways", "concours", "tirage", "loterie", "lottery", "raffle"];
export const RESTART = ["restart", "redemarre", "redemarrer", "redemarrage", "reboot", "reboote", "rebooter", "relance", "relancer", "reload", "recharge", "recharger", "redemarres"];
export const MAINTENANCE = ["maintenance"];
export const SYNC = ["sync", "synchronise", "synchroniser", "synchronize", "synchronizes", "resync", "resynchronise", "resynchroniser", "synchro", "resynchronize"];
export const COMMANDS = ["commands", "commandes", "command", "commande", "slash"];
export const TICKETS = ["tickets", "ticket"];
export const CLOSE = ["ferme", "fermer", "close", "clos", "cloture", "cloturer", "archive", "archiver", "clean", "nettoie", "nettoyer", "purge"];
export const END = ["termine", "terminer", "end", "stop", "arrete", "arreter", "cloture", "cloturer", "finish", "finis", "finir", "close", "ferme", "fermer"];
export const REROLL = ["reroll", "reroller", "redraw", "retirage", "retire", "retirer", "reroule"];
export const LAUNCH = ["lance", "lancer", "launch", "start", "starts", "cree", "creer", "create", "run", "fais", "faire", "mets", "mettre", "met", "applique", "appliquer", "apply", "ajoute", "ajouter", "add", "set", "organise", "organiser", "demarre", "demarrer", "begin", "offrir", "fait", "do", "host", "heberge", "want", "veux", "voudrais", "please", "stp"];
export const ON = ["active", "activer", "activate", "enable", "mets", "mettre", "met", "passe", "passer", "put", "turn", "start", "lance", "lancer", "demarre", "begin", "bascule", "basculer", "switch"];
export const OFF = ["desactive", "desactiver", "disable", "deactivate", "off", "sors", "sortir", "sort", "quitte", "quitter", "leave", "end", "stop", "arrete", "arreter", "termine", "terminer", "fin", "finish", "enleve", "enlever", "lift", "remove", "retire", "retirer", "hors", "exit", "coupe", "couper"];
/** Verbs of things no control action does: the request is refused, never bent into an action. */
export const OUT_OF_SCOPE = ["supprime", "supprimer", "delete", "efface", "effacer", "erase", "ban", "bannis", "bannir", "kick", "expulse", "expulser", "drop", "cancel", "annule", "annuler", "refund", "rembourse", "rembourser", "mute", "timeout", "deploy", "deploie", "rename", "renomme", "update", "modifie", "modifier", "change", "changer", "edit", "send", "envoie", "envoyer", "dm", "unban", "shutdown", "eteins", "eteindre"];
export const PLAN_WORDS = ["plan", "plans", "offre", "offres", "formule", "abonnement", "tier", "subscription", "forfait", "pack", "offer"];
export const PERCENT_WORDS = ["%", "pourcent", "pourcents", "percent", "pct", "pc", "cent"];
export const WINNERS = ["winners", "winner", "gagnants", "gagnant", "gagnantes", "gagnante", "personnes", "people", "laureats", "laureat", "persons"];
export const CHANNEL_WORDS = ["channel", "salon", "canal", "chan"];
export const ALL_BOTS = ["tous", "toutes", "all", "every", "everyone", "partout", "everywhere", "chaque", "each"];
/** Small words skipped when looking for the plan or prize next to a keyword. */
export const FILLER = ["le", "la", "les", "l", "the", "du", "de", "des", "d", "sur", "on", "for", "pour", "a", "an", "un", "une", "mon", "my", "our", "notre", "nos", "au", "aux", "of", "to", "gagner", "win", "with", "avec", "en", "et", "and", "in", "dans", ":"];

/** Every word above: a word listed somewhere is never read as a typo of another list's word. */
export const KNOWN_WORDS: ReadonlySet<string> = new Set([
  ...STATUS, ...ANALYTICS, ...REPORT, ...PROMO, ...GIVEAWAY, ...RESTART, ...MAINTENANCE, ...SYNC, ...COMMANDS,
  ...TICKETS, ...CLOSE, ...END, ...REROLL, ...LAUNCH, ...ON, ...OFF, ...OUT_OF_SCOPE, ...PLAN_WORDS,
  ...PERCENT_WORDS, ...WINNERS, ...CHANNEL_WORDS, ...ALL_BOTS, ...FILLER,
]);
