import { defineMessages } from "../define";

/** Errors and notices any command of either Worker can answer with. */
export const core = /* @__PURE__ */ defineMessages(
  {
    "error.unknown_command": "I don't know this command. It may have been removed: try again in a minute.",
    "error.unknown_component": "This button or form has expired. Run the command again.",
    "error.internal": "Something went wrong on our side. Please try again in a moment.",
    "error.guild_only": "This command only works inside a server.",
    "error.invalid_option":
      "The option “{option}” is missing or not of the right kind: run the command again from Discord's command list.",
    "error.no_such_endpoint": "No such endpoint.",
  },
  {
    "error.unknown_command":
      "Je ne connais pas cette commande. Elle a peut-être été retirée : réessayez dans une minute.",
    "error.unknown_component": "Ce bouton ou ce formulaire a expiré. Relancez la commande.",
    "error.internal": "Un problème est survenu de notre côté. Réessayez dans un instant.",
    "error.guild_only": "Cette commande ne fonctionne que dans un serveur.",
    "error.invalid_option":
      "L'option « {option} » manque ou n'est pas du bon type : relancez la commande depuis la liste des commandes de Discord.",
    "error.no_such_endpoint": "Cette adresse n'existe pas.",
  },
);
