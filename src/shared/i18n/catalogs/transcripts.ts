import { defineMessages } from "../define";

/**
 * Transcripts as web pages (issue 12 §8): the page itself, its refusals, and what `/ticket transcript`
 * says about the link.
 */
export const transcripts = /* @__PURE__ */ defineMessages(
  {
    "transcript.page.download": "Download this transcript (HTML)",
    "transcript.page.description": "Description",
    "transcript.page.messages": "Conversation",
    "transcript.page.no_messages": "No messages.",
    "transcript.page.edited": "edited",
    "transcript.page.deleted": "deleted in Discord",
    "transcript.page.attachments": "Attachments",
    "transcript.page.with_notes": "Internal notes are included: do not share this page with the member.",
    "transcript.page.generated": "Generated {at}. Times are in UTC.",
    "transcript.page.avatar": "{name}'s avatar",
    "transcript.error.title": "Transcript unavailable",
    "transcript.error.expired":
      "This link has expired. Run `/ticket transcript` in Discord again to get a new one.",
    "transcript.error.invalid": "This link is not valid. Run `/ticket transcript` in Discord to get one.",
    "transcript.error.not_found": "There is no such ticket, or it is not yours.",
    "transcript.error.off": "Transcript links are not set up on this bot.",
    "ticket.transcript.open": "Open the transcript",
    "ticket.transcript.link_note":
      "The button opens it in your browser: the link is yours alone and works until {until}.",
    "ticket.transcript.open_dashboard": "Open on the dashboard",
  },
  {
    "transcript.page.download": "Télécharger cette transcription (HTML)",
    "transcript.page.description": "Description",
    "transcript.page.messages": "Conversation",
    "transcript.page.no_messages": "Aucun message.",
    "transcript.page.edited": "modifié",
    "transcript.page.deleted": "supprimé dans Discord",
    "transcript.page.attachments": "Pièces jointes",
    "transcript.page.with_notes":
      "Les notes internes sont incluses : ne partagez pas cette page avec le membre.",
    "transcript.page.generated": "Générée le {at}. Heures en UTC.",
    "transcript.page.avatar": "Avatar de {name}",
    "transcript.error.title": "Transcription indisponible",
    "transcript.error.expired":
      "Ce lien a expiré. Relancez `/ticket transcription` dans Discord pour en obtenir un nouveau.",
    "transcript.error.invalid":
      "Ce lien n'est pas valide. Lancez `/ticket transcription` dans Discord pour en obtenir un.",
    "transcript.error.not_found": "Ce ticket n'existe pas, ou ce n'est pas le vôtre.",
    "transcript.error.off": "Les liens de transcription ne sont pas configurés sur ce bot.",
    "ticket.transcript.open": "Ouvrir la transcription",
    "ticket.transcript.link_note":
      "Le bouton l'ouvre dans votre navigateur : le lien n'est valable que pour vous, jusqu'au {until}.",
    "ticket.transcript.open_dashboard": "Ouvrir dans le tableau de bord",
  },
);
