import { defineMessages } from "../define";

/** Shellia's `/ask`: plain words → `/maxis` actions, with a preview and a confirmation (issue 15). */
export const ask = /* @__PURE__ */ defineMessages(
  {
    "command.ask.description": "Tell Shellia in plain words what to do with the Maxis bots (operators)",
    "command.ask.option.request.name": "request",
    "command.ask.option.request.description": "e.g. a 20 % promo on the pro plan for 48 h",
    "ask.tool.needs_confirmation":
      "It changes the bot: the operator sees a preview and confirms before it runs.",
    "ask.engine.parser": "the built-in parser",
    "ask.engine.model": "the model {model}",
    "ask.preview.title": "**Understood by {engine}. This will run once you confirm:**",
    "ask.preview.line": "• **{action}** on **{target}**{args}\n  `{command}`",
    "ask.preview.ends": "ends <t:{at}:f>",
    "ask.preview.option": "{name}: {value}",
    "ask.preview.footer": "Only you can confirm or cancel, once, until <t:{expires}:T> (<t:{expires}:R>).",
    "ask.all_targets": "every bot",
    "ask.button.confirm": "Confirm",
    "ask.button.cancel": "Cancel",
    "ask.running": "Understood by {engine}: `{commands}`",
    "ask.confirmed": "Confirmed by <@{user}>: `{commands}`",
    "ask.cancelled": "Cancelled by <@{user}>: nothing ran.",
    "ask.gone":
      "This proposal was already confirmed or cancelled, or it expired: nothing ran. Ask again with `/ask`.",
    "ask.not_yours": "Only the operator who asked can confirm or cancel this proposal. Nothing ran.",
    "ask.unavailable": "Shellia could not keep this proposal (storage unavailable): nothing ran. Try again.",
    "ask.question.target": "Which Maxis bot?",
    "ask.question.plan": "Which plan?",
    "ask.question.percent": "What percentage (1–90 %)?",
    "ask.question.duration": "For how long (e.g. `48h`, `2 days`, `until Friday 18:00`)?",
    "ask.question.prize":
      'What is the prize? Put it in quotes, e.g. `giveaway "Nitro" in #general for 2 days`.',
    "ask.question.channel": "In which channel of Maxis?",
    "ask.question.winners": "How many winners (1–20)?",
    "ask.question.maintenance": "Maintenance on or off?",
    "ask.question.days": "Close tickets inactive for how many days (1–365)?",
    "ask.question.giveaway": "Which giveaway (its id, e.g. `7kq2m9xa`)?",
    "ask.question.period": "Over which period (1 hour to 366 days, e.g. `24h`, `7d`, `12w`)?",
    "ask.question.operation": "That operation needs other arguments.",
    "ask.question.range": "**{option}** must be between {min} and {max}.",
    "ask.question.whole": "**{option}** takes whole numbers only: {value} is not one.",
    "ask.question.choices": "Choose from: {choices}.",
    "ask.question.usage": "Expected: `{usage}`.",
    "ask.question.again": "Nothing ran; ask again with the answer in your request.",
    "ask.refusal":
      "I cannot do that: `/ask` only runs what `/maxis` can.\n• At once (read-only): {readOnly}.\n• After your confirmation: {confirmed}.\nNothing ran.",
    "ask.refusal.operation":
      "That operation is not on the allow-list of `{execute}`: {operations}. Nothing ran.",
  },
  {
    "command.ask.description": "Dire à Shellia avec vos mots quoi faire des bots Maxis (opérateurs)",
    "command.ask.option.request.name": "demande",
    "command.ask.option.request.description": "par ex. une promo de 20 % sur le plan pro pendant 48 h",
    "ask.tool.needs_confirmation":
      "Modifie le bot : l'opérateur voit un aperçu et confirme avant l'exécution.",
    "ask.engine.parser": "l'analyseur intégré",
    "ask.engine.model": "le modèle {model}",
    "ask.preview.title": "**Compris par {engine}. Ceci s'exécutera quand vous confirmerez :**",
    "ask.preview.line": "• **{action}** sur **{target}**{args}\n  `{command}`",
    "ask.preview.ends": "fin <t:{at}:f>",
    "ask.preview.option": "{name} : {value}",
    "ask.preview.footer":
      "Vous seul pouvez confirmer ou annuler, une fois, jusqu'à <t:{expires}:T> (<t:{expires}:R>).",
    "ask.all_targets": "tous les bots",
    "ask.button.confirm": "Confirmer",
    "ask.button.cancel": "Annuler",
    "ask.running": "Compris par {engine} : `{commands}`",
    "ask.confirmed": "Confirmé par <@{user}> : `{commands}`",
    "ask.cancelled": "Annulé par <@{user}> : rien n'a été exécuté.",
    "ask.gone":
      "Cette proposition a déjà été confirmée ou annulée, ou elle a expiré : rien n'a été exécuté. Redemandez avec `/ask`.",
    "ask.not_yours":
      "Seul l'opérateur qui a demandé peut confirmer ou annuler cette proposition. Rien n'a été exécuté.",
    "ask.unavailable":
      "Shellia n'a pas pu garder cette proposition (stockage indisponible) : rien n'a été exécuté. Réessayez.",
    "ask.question.target": "Quel bot Maxis ?",
    "ask.question.plan": "Quelle offre ?",
    "ask.question.percent": "Quel pourcentage (1 à 90 %) ?",
    "ask.question.duration": "Pour combien de temps (par ex. `48h`, `2 jours`, `jusqu'à vendredi 18h`) ?",
    "ask.question.prize":
      "Quel est le lot ? Mettez-le entre guillemets, par ex. `concours « Nitro » dans #general pendant 2 jours`.",
    "ask.question.channel": "Dans quel salon de Maxis ?",
    "ask.question.winners": "Combien de gagnants (1 à 20) ?",
    "ask.question.maintenance": "Activer ou désactiver la maintenance ?",
    "ask.question.days": "Fermer les tickets inactifs depuis combien de jours (1 à 365) ?",
    "ask.question.giveaway": "Quel concours (son identifiant, par ex. `7kq2m9xa`) ?",
    "ask.question.period": "Sur quelle période (d'une heure à 366 jours, par ex. `24h`, `7j`, `12w`) ?",
    "ask.question.operation": "Cette opération attend d'autres arguments.",
    "ask.question.range": "**{option}** doit être entre {min} et {max}.",
    "ask.question.whole": "**{option}** ne prend que des nombres entiers : {value} n'en est pas un.",
    "ask.question.choices": "Au choix : {choices}.",
    "ask.question.usage": "Attendu : `{usage}`.",
    "ask.question.again": "Rien n'a été exécuté ; redemandez en incluant la réponse.",
    "ask.refusal":
      "Je ne peux pas faire cela : `/ask` n'exécute que ce que `/maxis` sait faire.\n• Tout de suite (lecture seule) : {readOnly}.\n• Après votre confirmation : {confirmed}.\nRien n'a été exécuté.",
    "ask.refusal.operation":
      "Cette opération n'est pas dans la liste autorisée d'`{execute}` : {operations}. Rien n'a été exécuté.",
  },
);
