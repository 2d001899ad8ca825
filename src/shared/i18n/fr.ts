import type { MessageKey } from "./en";

/** French messages. The type makes a missing or extra key a compile error. */
export const fr: Record<MessageKey, string> = {
  "error.unknown_command":
    "Je ne connais pas cette commande. Elle a peut-être été retirée : réessayez dans une minute.",
  "error.unknown_component": "Ce bouton ou ce formulaire a expiré. Relancez la commande.",
  "error.internal": "Un problème est survenu de notre côté. Réessayez dans un instant.",
  "error.guild_only": "Cette commande ne fonctionne que dans un serveur.",
  "error.not_operator": "Seuls les opérateurs de Shellia peuvent lancer cette commande.",

  "command.ping.description": "Vérifier que Maxis et sa base de données répondent",
  "ping.ok": "Pong ! La base de données a répondu en {ms} ms (connecté en tant que {appRole}).",
  "ping.database_down": "Pong, mais la base de données n'a pas répondu : {reason}",

  "command.maxis.description": "Piloter les bots Maxis",
  "command.maxis.status.description": "Voir si un bot Maxis est en ligne",
  "command.maxis.option.target.description": "Quel bot Maxis (par défaut : tous)",
  "maxis.status.up": "**{target}** est en ligne (version {version}, réponse en {ms} ms).",
  "maxis.status.down": "**{target}** n'a pas répondu correctement (HTTP {status}).",
  "maxis.status.unreachable": "**{target}** est injoignable : {reason}",
  "maxis.unknown_target": "Aucun bot Maxis ne s'appelle **{target}**. Bots connus : {targets}.",
};
