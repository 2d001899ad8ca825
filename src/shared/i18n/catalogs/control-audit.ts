import { defineMessages } from "../define";

/**
 * The control API's door and trail (issue 17): calls that are not a route, arguments Maxis cannot
 * store, a trail that cannot be written, the refused calls in the report, and Shellia's own check.
 */
export const controlAudit = /* @__PURE__ */ defineMessages(
  {
    "control.error.no_route": "This is not a control action: Maxis runs only POST /control/v1/<action>.",
    "control.error.method_not_allowed": "Control actions are called with POST only.",
    "control.error.invalid_characters":
      "The request was refused: {field} contains a character Maxis does not accept (NUL or another control character). Nothing ran.",
    "control.error.audit_unavailable":
      "Maxis could not record this call in its audit trail, so it did not run it. Try again in a moment.",
    "control.report.refused": "Refused calls (bad or missing signature)",
    "control.report.refused_line": "{code}: {count} (last {at})",
    "control.report.refused_line_key": "{code}, key {keyId}: {count} (last {at})",
    "control.report.no_refused": "None.",
    "control.report.unreadable": "Could not be read from the database.",
    "maxis.invalid_text":
      "An option contains a character that cannot be sent (NUL or another control character). Nothing was sent to Maxis.",
  },
  {
    "control.error.no_route":
      "Ce n'est pas une action de contrôle : Maxis n'exécute que POST /control/v1/<action>.",
    "control.error.method_not_allowed": "Les actions de contrôle s'appellent uniquement en POST.",
    "control.error.invalid_characters":
      "Requête refusée : {field} contient un caractère que Maxis n'accepte pas (NUL ou un autre caractère de contrôle). Rien n'a été exécuté.",
    "control.error.audit_unavailable":
      "Maxis n'a pas pu inscrire cet appel dans son journal d'audit, il ne l'a donc pas exécuté. Réessayez dans un instant.",
    "control.report.refused": "Appels refusés (signature absente ou incorrecte)",
    "control.report.refused_line": "{code} : {count} (dernier {at})",
    "control.report.refused_line_key": "{code}, clé {keyId} : {count} (dernier {at})",
    "control.report.no_refused": "Aucun.",
    "control.report.unreadable": "Illisible : la base de données n'a pas répondu.",
    "maxis.invalid_text":
      "Une option contient un caractère qui ne peut pas être envoyé (NUL ou un autre caractère de contrôle). Rien n'a été envoyé à Maxis.",
  },
);
