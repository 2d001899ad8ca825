import { defineMessages } from "../define";

/** Maxis's shop: /shop, promotions and their errors. */
export const shop = /* @__PURE__ */ defineMessages(
  {
    "command.shop.description": "See the plans, their prices and the promotions running now",
    "shop.title": "Shop",
    "shop.empty": "There is nothing for sale right now.",
    "shop.plan.price": "**{price}**",
    "shop.plan.promoted": "~~{price}~~ **{promoted}** (−{percent} %), ends <t:{ends}:R>",
    "shop.footer": "Prices in {currency}. Promotions end by themselves at the time shown.",
    "shop.error.unknown_plan": "This server has no plan with that key.",
    "shop.error.invalid_server": "Name the Discord server by its id (suggested as you type).",
    "shop.error.invalid_percent": "A promotion must be between 1 % and 90 % off.",
    "shop.error.invalid_duration": "A promotion lasts between 1 hour and 30 days.",
    "shop.error.unreadable_duration":
      "I can't read that duration. Write it like 48h, 2d or 1w (a promotion lasts 1 hour to 30 days).",
    "shop.error.forbidden": "Only staff can do that.",
    "shop.error.unavailable": "The shop cannot answer right now. Please try again in a moment.",
  },
  {
    "command.shop.description": "Voir les offres, leurs prix et les promotions en cours",
    "shop.title": "Boutique",
    "shop.empty": "Rien n'est en vente pour le moment.",
    "shop.plan.price": "**{price}**",
    "shop.plan.promoted": "~~{price}~~ **{promoted}** (−{percent} %), fin <t:{ends}:R>",
    "shop.footer": "Prix en {currency}. Les promotions s'arrêtent d'elles-mêmes à l'heure indiquée.",
    "shop.error.unknown_plan": "Ce serveur n'a aucune offre avec cette clé.",
    "shop.error.invalid_server": "Indiquez le serveur Discord par son identifiant (proposé à la saisie).",
    "shop.error.invalid_percent": "Une promotion doit être comprise entre 1 % et 90 % de réduction.",
    "shop.error.invalid_duration": "Une promotion dure entre 1 heure et 30 jours.",
    "shop.error.unreadable_duration":
      "Je ne comprends pas cette durée. Écrivez-la comme 48h, 2j ou 7j (une promotion dure de 1 heure à 30 jours).",
    "shop.error.forbidden": "Seule l'équipe peut faire cela.",
    "shop.error.unavailable": "La boutique ne peut pas répondre pour le moment. Réessayez dans un instant.",
  },
);
