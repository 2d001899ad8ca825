import { defineMessages } from "../define";

/**
 * Why Maxis's control API refuses a call before it runs (401 at the door, 400 for a body it cannot
 * read), in the caller's Accept-Language; the JSON `code` beside it never changes.
 */
export const controlRefusals = /* @__PURE__ */ defineMessages(
  {
    "control.refusal.query_not_signed": "The signature does not cover a query string: send none.",
    "control.refusal.missing_headers": "The control signature headers are missing.",
    "control.refusal.unknown_key": "This key id is not configured on this Maxis.",
    "control.refusal.malformed_timestamp": "X-Control-Timestamp must be Unix seconds.",
    "control.refusal.stale_timestamp":
      "X-Control-Timestamp is more than 60 seconds away from this Maxis's clock.",
    "control.refusal.malformed_nonce": "X-Control-Nonce must be 32 lowercase hex characters.",
    "control.refusal.malformed_signature":
      "X-Control-Signature must be v1= followed by 64 lowercase hex characters.",
    "control.refusal.bad_signature": "The signature does not match this request.",
    "control.refusal.replayed_nonce": "This nonce was already used.",
    "control.refusal.body_too_large": "The body is too large.",
    "control.body.not_json": "the body is not JSON",
    "control.body.not_object": "the body is not an object",
    "control.body.operator_id": "operator.id is not a Discord id",
    "control.body.operator_name": "operator.name is missing",
  },
  {
    "control.refusal.query_not_signed":
      "La signature ne couvre pas de paramètres d'URL : n'en envoyez aucun.",
    "control.refusal.missing_headers": "Les en-têtes de signature du contrôle manquent.",
    "control.refusal.unknown_key": "Cet identifiant de clé n'est pas configuré sur ce Maxis.",
    "control.refusal.malformed_timestamp": "X-Control-Timestamp doit être en secondes Unix.",
    "control.refusal.stale_timestamp":
      "X-Control-Timestamp s'écarte de plus de 60 secondes de l'horloge de ce Maxis.",
    "control.refusal.malformed_nonce": "X-Control-Nonce doit faire 32 caractères hexadécimaux minuscules.",
    "control.refusal.malformed_signature":
      "X-Control-Signature doit être v1= suivi de 64 caractères hexadécimaux minuscules.",
    "control.refusal.bad_signature": "La signature ne correspond pas à cette requête.",
    "control.refusal.replayed_nonce": "Ce nonce a déjà été utilisé.",
    "control.refusal.body_too_large": "Le corps de la requête est trop gros.",
    "control.body.not_json": "le corps n'est pas du JSON",
    "control.body.not_object": "le corps n'est pas un objet",
    "control.body.operator_id": "operator.id n'est pas un identifiant Discord",
    "control.body.operator_name": "operator.name manque",
  },
);
