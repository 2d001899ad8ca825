import { defineMessages } from "../define";

/** The dashboard's Plans page: what the plan functions refuse, in the admin's language. */
export const plans = /* @__PURE__ */ defineMessages(
  {
    "plan.error.not_authenticated": "Sign in again to edit plans.",
    "plan.error.guild_required": "Plans belong to a server: sign in to one.",
    "plan.error.admin_only": "Only the server's admins (Administrator or Manage Server) can edit plans.",
    "plan.error.plan_not_found": "This plan does not exist in this server.",
    "plan.error.plan_changed":
      "Someone saved this plan since you opened it. Reload it, then make your change again.",
    "plan.error.invalid_key":
      "The key is 1 to {keyMax} lowercase letters, digits or dashes, and does not start with a dash (e.g. pro-yearly).",
    "plan.error.key_taken": "Another plan of this server (perhaps archived) already uses this key.",
    "plan.error.name_empty": "The plan needs a name.",
    "plan.error.name_too_long": "The name has at most {nameMax} characters.",
    "plan.error.name_fr_too_long": "The French name has at most {nameMax} characters.",
    "plan.error.invalid_name": "A name is a single line, without control characters.",
    "plan.error.description_too_long": "The description has at most {descriptionMax} characters.",
    "plan.error.description_fr_too_long": "The French description has at most {descriptionMax} characters.",
    "plan.error.invalid_price": "The price is a whole number of cents, from 1 to {priceMax}.",
    "plan.error.invalid_floor": "The lowest promoted price is a whole number of cents, from 0 to the price.",
    "plan.error.invalid_currency": "Choose one of these currencies: {currencies}.",
    "plan.error.invalid_plan_duration": "A plan lasts a week, a month, a year, or for life.",
    "plan.error.invalid_sort_order": "The position is a whole number from 0 to {sortMax}.",
  },
  {
    "plan.error.not_authenticated": "Reconnectez-vous pour modifier les offres.",
    "plan.error.guild_required": "Les offres appartiennent à un serveur : connectez-vous à l'un d'eux.",
    "plan.error.admin_only":
      "Seuls les administrateurs du serveur (Administrateur ou Gérer le serveur) peuvent modifier les offres.",
    "plan.error.plan_not_found": "Cette offre n'existe pas sur ce serveur.",
    "plan.error.plan_changed":
      "Quelqu'un a enregistré cette offre depuis que vous l'avez ouverte. Rechargez-la, puis refaites votre modification.",
    "plan.error.invalid_key":
      "La clé compte de 1 à {keyMax} lettres minuscules, chiffres ou tirets, sans commencer par un tiret (par ex. pro-annuel).",
    "plan.error.key_taken": "Une autre offre de ce serveur (peut-être archivée) utilise déjà cette clé.",
    "plan.error.name_empty": "L'offre doit avoir un nom.",
    "plan.error.name_too_long": "Le nom compte au plus {nameMax} caractères.",
    "plan.error.name_fr_too_long": "Le nom en français compte au plus {nameMax} caractères.",
    "plan.error.invalid_name": "Un nom tient sur une ligne, sans caractères de contrôle.",
    "plan.error.description_too_long": "La description compte au plus {descriptionMax} caractères.",
    "plan.error.description_fr_too_long":
      "La description en français compte au plus {descriptionMax} caractères.",
    "plan.error.invalid_price": "Le prix est un nombre entier de centimes, de 1 à {priceMax}.",
    "plan.error.invalid_floor":
      "Le prix promotionnel minimal est un nombre entier de centimes, de 0 jusqu'au prix.",
    "plan.error.invalid_currency": "Choisissez l'une de ces devises : {currencies}.",
    "plan.error.invalid_plan_duration": "Une offre dure une semaine, un mois, un an, ou à vie.",
    "plan.error.invalid_sort_order": "La position est un nombre entier de 0 à {sortMax}.",
  },
);
