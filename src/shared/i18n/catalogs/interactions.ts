import { defineMessages } from "../define";

/**
 * The interaction boundary of both Workers: HTTP refusals (read by whoever sent the request, in the
 * language of its Accept-Language) and the private answers to interactions that are not run.
 */
export const interactions = /* @__PURE__ */ defineMessages(
  {
    "interaction.http.invalid_signature": "Bad request signature.",
    "interaction.http.stale_timestamp":
      "X-Signature-Timestamp is more than {minutes} minutes away from this server's clock.",
    "interaction.http.body_too_large": "The body is larger than {kib} KiB.",
    "interaction.http.invalid_json": "The body is not JSON.",
    "interaction.http.invalid_interaction":
      "The body is not a Discord interaction: {field} is missing or invalid.",
    "interaction.unknown_type": "I can't handle this kind of interaction.",
    "interaction.already_handled": "This interaction was already handled; it was not run again.",
    "interaction.unstorable_character":
      "Your input contains a character that cannot be stored ({character}). Remove it and try again.",
  },
  {
    "interaction.http.invalid_signature": "La signature de la requête est invalide.",
    "interaction.http.stale_timestamp":
      "X-Signature-Timestamp s'écarte de plus de {minutes} minutes de l'horloge de ce serveur.",
    "interaction.http.body_too_large": "Le corps de la requête dépasse {kib} Kio.",
    "interaction.http.invalid_json": "Le corps de la requête n'est pas du JSON.",
    "interaction.http.invalid_interaction":
      "Le corps de la requête n'est pas une interaction Discord : {field} manque ou est invalide.",
    "interaction.unknown_type": "Je ne sais pas traiter ce type d'interaction.",
    "interaction.already_handled": "Cette interaction a déjà été traitée ; elle n'a pas été relancée.",
    "interaction.unstorable_character":
      "Votre saisie contient un caractère qui ne peut pas être enregistré ({character}). Retirez-le et réessayez.",
  },
);
