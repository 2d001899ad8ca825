import { defineMessages } from "../define";

/** Maxis's dashboard sign-in pages (/auth/discord/…): refusals and errors shown in the browser. */
export const dashboardAuth = /* @__PURE__ */ defineMessages(
  {
    "dashboardAuth.title": "Maxis support dashboard",
    "dashboardAuth.notStaff.heading": "This dashboard is for the support team",
    "dashboardAuth.notStaff.body":
      "You are signed in to Discord as {name}, but you are not part of the support team of this server, so the dashboard is closed to you. If you need help, open a ticket with /ticket create in Discord.",
    "dashboardAuth.notMember.heading": "You are not a member of this server",
    "dashboardAuth.notMember.body":
      "You are signed in to Discord as {name}, but you are not a member of the server this dashboard serves.",
    "dashboardAuth.expired.heading": "This sign-in link has expired",
    "dashboardAuth.expired.body":
      "Sign-in links last 10 minutes and work once, in the browser that asked for them. Please start again.",
    "dashboardAuth.denied.heading": "Sign-in cancelled",
    "dashboardAuth.denied.body": "Discord did not share your account with Maxis, so you are not signed in.",
    "dashboardAuth.failed.heading": "Discord did not answer",
    "dashboardAuth.failed.body":
      "We could not check your account with Discord. Please try again in a moment.",
    "dashboardAuth.unconfigured.heading": "Sign-in is not set up",
    "dashboardAuth.unconfigured.body":
      "This Maxis does not know its sign-in address yet. Ask its operator to set DISCORD_OAUTH_REDIRECT_URI.",
    "dashboardAuth.back": "Back to the dashboard",
    "dashboardAuth.retry": "Sign in again",
    "dashboardAuth.csrf": "This request did not come from the dashboard.",
    // Sessions refused by the server-side record (the dashboard API's error messages).
    "api.error.session_ended": "This session has ended (signed out). Sign in again.",
    "api.error.no_longer_staff":
      "You are no longer part of the support team of this server, so this session has ended.",
    "api.error.role_unverified": "Discord could not confirm your role recently. Sign in again.",
  },
  {
    "dashboardAuth.title": "Tableau de bord du support Maxis",
    "dashboardAuth.notStaff.heading": "Ce tableau de bord est réservé à l'équipe de support",
    "dashboardAuth.notStaff.body":
      "Vous êtes connecté à Discord en tant que {name}, mais vous ne faites pas partie de l'équipe de support de ce serveur : le tableau de bord vous est fermé. Pour obtenir de l'aide, ouvrez un ticket avec /ticket créer sur Discord.",
    "dashboardAuth.notMember.heading": "Vous n'êtes pas membre de ce serveur",
    "dashboardAuth.notMember.body":
      "Vous êtes connecté à Discord en tant que {name}, mais vous n'êtes pas membre du serveur de ce tableau de bord.",
    "dashboardAuth.expired.heading": "Ce lien de connexion a expiré",
    "dashboardAuth.expired.body":
      "Un lien de connexion dure 10 minutes et ne sert qu'une fois, dans le navigateur qui l'a demandé. Recommencez, s'il vous plaît.",
    "dashboardAuth.denied.heading": "Connexion annulée",
    "dashboardAuth.denied.body":
      "Discord n'a pas partagé votre compte avec Maxis : vous n'êtes pas connecté.",
    "dashboardAuth.failed.heading": "Discord n'a pas répondu",
    "dashboardAuth.failed.body":
      "Nous n'avons pas pu vérifier votre compte auprès de Discord. Réessayez dans un instant.",
    "dashboardAuth.unconfigured.heading": "La connexion n'est pas configurée",
    "dashboardAuth.unconfigured.body":
      "Ce Maxis ne connaît pas encore son adresse de connexion. Demandez à son opérateur de définir DISCORD_OAUTH_REDIRECT_URI.",
    "dashboardAuth.back": "Retour au tableau de bord",
    "dashboardAuth.retry": "Se reconnecter",
    "dashboardAuth.csrf": "Cette requête ne vient pas du tableau de bord.",
    "api.error.session_ended": "Cette session est terminée (déconnexion). Reconnectez-vous.",
    "api.error.no_longer_staff":
      "Vous ne faites plus partie de l'équipe de support de ce serveur : cette session est terminée.",
    "api.error.role_unverified": "Discord n'a pas pu confirmer votre rôle récemment. Reconnectez-vous.",
  },
);
