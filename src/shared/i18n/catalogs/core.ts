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
    "error.option_too_long":
      "The option “{option}” takes at most {max, plural, one {# character} other {# characters}} ({sent} sent): shorten it and run the command again.",
    "error.option_too_short":
      "The option “{option}” takes at least {min, plural, one {# character} other {# characters}} ({sent} sent): run the command again.",
    "error.option_out_of_range":
      "The option “{option}” must be between {min} and {max} ({sent} sent): run the command again.",
    "error.option_not_whole":
      "The option “{option}” must be a whole number ({sent} sent): run the command again.",
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
    "error.option_too_long":
      "L'option « {option} » accepte au plus {max, plural, one {# caractère} other {# caractères}} ({sent, plural, one {# envoyé} other {# envoyés}}) : raccourcissez-la et relancez la commande.",
    "error.option_too_short":
      "L'option « {option} » demande au moins {min, plural, one {# caractère} other {# caractères}} ({sent, plural, one {# envoyé} other {# envoyés}}) : relancez la commande.",
    "error.option_out_of_range":
      "L'option « {option} » doit être comprise entre {min} et {max} ({sent, plural, one {# envoyé} other {# envoyés}}) : relancez la commande.",
    "error.option_not_whole":
      "L'option « {option} » doit être un nombre entier ({sent, plural, one {# envoyé} other {# envoyés}}) : relancez la commande.",
  },
);
