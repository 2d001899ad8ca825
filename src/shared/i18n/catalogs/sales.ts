import { defineMessages } from "../define";

/** The dashboard's sales page and a plan's Discord role and SKU: what the API refuses, in the admin's language. */
export const sales = /* @__PURE__ */ defineMessages(
  {
    "plan.error.invalid_role": "A role is a Discord id (17 to 20 digits), and not @everyone.",
    "plan.error.invalid_sku": "A SKU is a Discord id (17 to 20 digits), or empty.",
    "plan.error.sku_taken": "Another plan is already sold by this Discord SKU.",
    "plan.error.role_not_in_server":
      "This role is not one Maxis can give in this server (it does not exist, or Discord manages it).",
    "plan.error.roles_unavailable":
      "Discord could not be asked for this server's roles. Try again in a moment.",
    "sales.error.guild_required": "Sales belong to a server: sign in to one.",
    "sales.error.admin_only": "Only the server's admins (Administrator or Manage Server) see its sales.",
    "sales.error.invalid_days": "The period is a whole number of days, from 1 to 366.",
  },
  {
    "plan.error.invalid_role": "Un rôle est un identifiant Discord (17 à 20 chiffres), et pas @everyone.",
    "plan.error.invalid_sku": "Un SKU est un identifiant Discord (17 à 20 chiffres), ou vide.",
    "plan.error.sku_taken": "Une autre offre est déjà vendue par ce SKU Discord.",
    "plan.error.role_not_in_server":
      "Ce rôle n'est pas un rôle que Maxis peut donner sur ce serveur (il n'existe pas, ou Discord le gère).",
    "plan.error.roles_unavailable":
      "Impossible de demander à Discord les rôles de ce serveur. Réessayez dans un instant.",
    "sales.error.guild_required": "Les ventes appartiennent à un serveur : connectez-vous à l'un d'eux.",
    "sales.error.admin_only":
      "Seuls les administrateurs du serveur (Administrateur ou Gérer le serveur) voient ses ventes.",
    "sales.error.invalid_days": "La période est un nombre entier de jours, de 1 à 366.",
  },
);
