import { defineMessages } from "../define";

/** Shellia's /maxis commands. */
export const shelliaControl = defineMessages(
  {
    "error.not_operator": "Only Shellia's operators can run this command.",
    "command.maxis.description": "Steer the Maxis bots",
    "command.maxis.status.description": "Show whether a Maxis bot is up",
    "command.maxis.option.target.description": "Which Maxis bot (default: all)",
    "maxis.status.up": "**{target}** is up (version {version}, answered in {ms} ms).",
    "maxis.status.down": "**{target}** did not answer properly (HTTP {status}).",
    "maxis.status.unreachable": "**{target}** is unreachable: {reason}",
    "maxis.unknown_target": "There is no Maxis bot named **{target}**. Known bots: {targets}.",
  },
  {
    "error.not_operator": "Seuls les opérateurs de Shellia peuvent lancer cette commande.",
    "command.maxis.description": "Piloter les bots Maxis",
    "command.maxis.status.description": "Voir si un bot Maxis est en ligne",
    "command.maxis.option.target.description": "Quel bot Maxis (par défaut : tous)",
    "maxis.status.up": "**{target}** est en ligne (version {version}, réponse en {ms} ms).",
    "maxis.status.down": "**{target}** n'a pas répondu correctement (HTTP {status}).",
    "maxis.status.unreachable": "**{target}** est injoignable : {reason}",
    "maxis.unknown_target": "Aucun bot Maxis ne s'appelle **{target}**. Bots connus : {targets}.",
  },
);
