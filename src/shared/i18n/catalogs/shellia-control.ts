import { defineMessages } from "../define";

/** Shellia's /maxis commands. */
export const shelliaControl = /* @__PURE__ */ defineMessages(
  {
    "error.not_operator": "Only Shellia's operators can run this command.",
    "command.maxis.description": "Steer the Maxis bots",
    "command.maxis.status.description": "Show how a Maxis bot is doing (default: all of them)",
    "command.maxis.analytics.description": "Tickets, giveaways and promotions over a period",
    "command.maxis.promo.description": "Start a promotion on a plan",
    "command.maxis.giveaway.description": "Start a giveaway",
    "command.maxis.restart.description":
      "Soft-restart a Maxis: caches dropped, commands re-synced, new boot id",
    "command.maxis.report.description": "A report as an embed and a Markdown file",
    "command.maxis.execute.description": "Run one allow-listed operation",
    "command.maxis.option.target.description": "Which Maxis bot",
    "command.maxis.option.period.description": "How far back: 24h, 7d (default), 30d, 12w…",
    "command.maxis.option.percent.description": "Percent off (1–90)",
    "command.maxis.option.plan.description":
      "The plan's key in that server, e.g. pro (suggested as you type)",
    "command.maxis.option.server.description": "The Discord server whose plan it is (suggested as you type)",
    "command.maxis.option.duration.description": "How long: 48h, 30m, 2d, 1d12h…",
    "command.maxis.option.prize.description": "What the winners get",
    "command.maxis.option.winners.description": "How many winners (default 1)",
    "command.maxis.option.channel.description":
      "The Maxis server's channel to post it in (suggested as you type)",
    "command.maxis.option.operation.description": "The operation and its arguments, e.g. maintenance on",
    "command.maxis.status.name": "status",
    "command.maxis.analytics.name": "analytics",
    "command.maxis.promo.name": "promo",
    "command.maxis.giveaway.name": "giveaway",
    "command.maxis.restart.name": "restart",
    "command.maxis.report.name": "report",
    "command.maxis.execute.name": "execute",
    "command.maxis.option.target.name": "target",
    "command.maxis.option.period.name": "period",
    "command.maxis.option.percent.name": "percent",
    "command.maxis.option.plan.name": "plan",
    "command.maxis.option.server.name": "server",
    "command.maxis.option.revenue_server.name": "server",
    "command.maxis.option.revenue_server.description":
      "Whose revenue: a Discord server of that Maxis (default: its home server)",
    "command.maxis.option.duration.name": "duration",
    "command.maxis.option.prize.name": "prize",
    "command.maxis.option.winners.name": "winners",
    "command.maxis.option.channel.name": "channel",
    "command.maxis.option.operation.name": "operation",
    "maxis.unknown_target": "There is no Maxis bot named **{target}**. Known bots: {targets}.",
    "maxis.no_targets": "No Maxis bot is configured: set MAXIS_TARGETS on Shellia (see DEPLOY.md).",
    "maxis.choose_target": "Several Maxis bots are configured ({targets}): choose one with `target`.",
    "maxis.invalid_period": "The period must look like 24h, 7d, 30d or 12w (1 hour to 366 days).",
    "maxis.empty_operation": "Name an operation, e.g. `maintenance on`.",
    "maxis.outcome.refused":
      "**{target}** refused Shellia's signature ({code}). Check that its CONTROL_KEYS holds key id `{keyId}` with the same secret as Shellia's MAXIS_TARGETS, and that both clocks are right. Nothing ran.",
    "maxis.outcome.timeout":
      "**{target}** did not answer within {seconds} s: it is up but too slow. The action may or may not have run; check with `/maxis status`.",
    "maxis.outcome.unreachable": "**{target}** is down or unreachable ({reason}). Nothing ran.",
    "maxis.unreachable.refused": "connection refused",
    "maxis.unreachable.dns": "its address could not be found",
    "maxis.unreachable.tls": "the secure connection failed",
    "maxis.unreachable.network": "no answer over the network",
    "maxis.outcome.failing":
      "**{target}** answered with HTTP {status} instead of a control answer: it is failing.",
    "maxis.outcome.rejected": "**{target}**: {message}",
    "maxis.status.line":
      "**{target}** is up · version {version} · boot `{bootId}` since <t:{bootedAt}:R> · answered in {ms} ms",
    "maxis.status.restart": "Last restart <t:{at}:R> by <@{by}>",
    "maxis.status.never_restarted": "Never restarted since it was deployed",
    "maxis.status.maintenance_on": "🛠 Maintenance **on** since <t:{since}:R> (by <@{by}>)",
    "maxis.status.maintenance_off": "Maintenance off",
    "maxis.status.database_up": "Database reachable ({ms} ms)",
    "maxis.status.database_down": "⚠ Database **unreachable**",
    "maxis.status.figures":
      "Open tickets: {tickets} · running giveaways: {giveaways} · live promotions: {promotions}",
    "maxis.figure.not_available": "not available yet",
    "maxis.figure.unreachable": "unreadable",
    "maxis.analytics.feature.revenue": "Revenue",
    "maxis.analytics.revenue":
      "Revenue of {server}: {paid} from {payments, plural, one {# payment} other {# payments}}, {refundedCents, plural, =0 {nothing refunded} other {{refunded} refunded}}, {failed} failed, {disputes} disputed, {active, plural, one {# active subscription} other {# active subscriptions}}",
    "maxis.status.gateway":
      "Gateway shard {shard}/{shards}: **{state}** · last event {lastEvent} · {reconnects, plural, one {# reconnection} other {# reconnections}}",
    "maxis.status.gateway_state.connected": "connected",
    "maxis.status.gateway_state.connecting": "connecting",
    "maxis.status.gateway_state.identifying": "identifying",
    "maxis.status.gateway_state.resuming": "resuming",
    "maxis.status.gateway_state.disconnected": "disconnected",
    "maxis.status.gateway_state.stopped": "stopped",
    "maxis.status.gateway_no_event": "none yet",
    "maxis.status.gateway_unknown": "Gateway: {reason}",
    "maxis.analytics.title": "**{target}** over {period} (since <t:{since}:f>)",
    "maxis.analytics.tickets": "Tickets: {opened} opened, {closed} closed, {openNow} open now",
    "maxis.analytics.giveaways":
      "Giveaways: {started} started, {ended} ended, {running} running, {entrants, plural, one {# entrant} other {# entrants}}",
    "maxis.analytics.promotions":
      "Promotions: {run} started on {plans, plural, one {# plan} other {# plans}}, average {average}, {live} live now",
    "maxis.analytics.unavailable": "{feature}: {reason}",
    "maxis.analytics.feature.tickets": "Tickets",
    "maxis.analytics.feature.giveaways": "Giveaways",
    "maxis.analytics.feature.promotions": "Promotions",
    "maxis.promo.created":
      "Promotion #{id} started on **{target}** in {server}: **{plan}** −{percent} % ({price} → {promoted}) until <t:{ends}:f>.",
    "maxis.promo.created_floor":
      "Promotion #{id} started on **{target}** in {server}: **{plan}** {price} → {promoted} until <t:{ends}:f>. The plan's floor price holds the discount at −{effective} % instead of the −{percent} % asked.",
    "maxis.giveaway.started":
      "Giveaway `{id}` started on **{target}** in <#{channel}>: **{prize}**, {winners, plural, one {# winner} other {# winners}}, draw <t:{ends}:R>.",
    "maxis.restart.done":
      "**{target}** restarted: boot `{previous}` → `{bootId}`, {count, plural, one {# command} other {# commands}} re-synced.",
    "maxis.restart.done_sync_failed": "**{target}** restarted: boot `{previous}` → `{bootId}`. {syncError}",
    "maxis.report.sent": "Report from **{target}** (also attached as Markdown).",
  },
  {
    "error.not_operator": "Seuls les opérateurs de Shellia peuvent lancer cette commande.",
    "command.maxis.description": "Piloter les bots Maxis",
    "command.maxis.status.description": "Voir l'état d'un bot Maxis (par défaut : tous)",
    "command.maxis.analytics.description": "Tickets, concours et promotions sur une période",
    "command.maxis.promo.description": "Lancer une promotion sur une offre",
    "command.maxis.giveaway.description": "Lancer un concours",
    "command.maxis.restart.description":
      "Redémarrer un Maxis à chaud : caches vidés, commandes resynchronisées, nouveau boot id",
    "command.maxis.report.description": "Un rapport en embed et en fichier Markdown",
    "command.maxis.execute.description": "Lancer une opération autorisée",
    "command.maxis.option.target.description": "Quel bot Maxis",
    "command.maxis.option.period.description": "Sur quelle durée : 24h, 7j (par défaut), 30j, 12w…",
    "command.maxis.option.percent.description": "Pourcentage de réduction (1–90)",
    "command.maxis.option.plan.description":
      "La clé de l'offre sur ce serveur, par ex. pro (proposée à la saisie)",
    "command.maxis.option.server.description": "Le serveur Discord de l'offre (proposé à la saisie)",
    "command.maxis.option.duration.description": "Durée : 48h, 30m, 2d, 1d12h…",
    "command.maxis.option.prize.description": "Ce que gagnent les gagnants",
    "command.maxis.option.winners.description": "Nombre de gagnants (1 par défaut)",
    "command.maxis.option.channel.description":
      "Le salon du serveur de Maxis où le publier (proposé à la saisie)",
    "command.maxis.option.operation.description": "L'opération et ses arguments, par ex. maintenance on",
    "command.maxis.status.name": "statut",
    "command.maxis.analytics.name": "statistiques",
    "command.maxis.promo.name": "promo",
    "command.maxis.giveaway.name": "concours",
    "command.maxis.restart.name": "redémarrer",
    "command.maxis.report.name": "rapport",
    "command.maxis.execute.name": "exécuter",
    "command.maxis.option.target.name": "cible",
    "command.maxis.option.period.name": "période",
    "command.maxis.option.percent.name": "pourcentage",
    "command.maxis.option.plan.name": "offre",
    "command.maxis.option.server.name": "serveur",
    "command.maxis.option.revenue_server.name": "serveur",
    "command.maxis.option.revenue_server.description":
      "Le chiffre d'affaires de quel serveur Discord de ce Maxis (par défaut : son serveur principal)",
    "command.maxis.option.duration.name": "durée",
    "command.maxis.option.prize.name": "lot",
    "command.maxis.option.winners.name": "gagnants",
    "command.maxis.option.channel.name": "salon",
    "command.maxis.option.operation.name": "opération",
    "maxis.unknown_target": "Aucun bot Maxis ne s'appelle **{target}**. Bots connus : {targets}.",
    "maxis.no_targets":
      "Aucun bot Maxis n'est configuré : définissez MAXIS_TARGETS sur Shellia (voir DEPLOY.md).",
    "maxis.choose_target":
      "Plusieurs bots Maxis sont configurés ({targets}) : choisissez-en un avec `target`.",
    "maxis.invalid_period": "La période s'écrit comme 24h, 7j, 30j ou 12w (d'une heure à 366 jours).",
    "maxis.empty_operation": "Indiquez une opération, par ex. `maintenance on`.",
    "maxis.outcome.refused":
      "**{target}** a refusé la signature de Shellia ({code}). Vérifiez que son CONTROL_KEYS contient l'identifiant de clé `{keyId}` avec le même secret que MAXIS_TARGETS sur Shellia, et que les deux horloges sont justes. Rien n'a été exécuté.",
    "maxis.outcome.timeout":
      "**{target}** n'a pas répondu en {seconds} s : il est en ligne mais trop lent. L'action a pu être exécutée ou non ; vérifiez avec `/maxis status`.",
    "maxis.outcome.unreachable":
      "**{target}** est hors ligne ou injoignable ({reason}). Rien n'a été exécuté.",
    "maxis.unreachable.refused": "connexion refusée",
    "maxis.unreachable.dns": "son adresse est introuvable",
    "maxis.unreachable.tls": "la connexion sécurisée a échoué",
    "maxis.unreachable.network": "pas de réponse par le réseau",
    "maxis.outcome.failing":
      "**{target}** a répondu HTTP {status} au lieu d'une réponse de contrôle : il est en panne.",
    "maxis.outcome.rejected": "**{target}** : {message}",
    "maxis.status.line":
      "**{target}** est en ligne · version {version} · démarrage `{bootId}` <t:{bootedAt}:R> · réponse en {ms} ms",
    "maxis.status.restart": "Dernier redémarrage <t:{at}:R> par <@{by}>",
    "maxis.status.never_restarted": "Jamais redémarré depuis son déploiement",
    "maxis.status.maintenance_on": "🛠 Maintenance **activée** depuis <t:{since}:R> (par <@{by}>)",
    "maxis.status.maintenance_off": "Maintenance désactivée",
    "maxis.status.database_up": "Base de données joignable ({ms} ms)",
    "maxis.status.database_down": "⚠ Base de données **injoignable**",
    "maxis.status.figures":
      "Tickets ouverts : {tickets} · concours en cours : {giveaways} · promotions en cours : {promotions}",
    "maxis.figure.not_available": "pas encore disponible",
    "maxis.figure.unreachable": "illisible",
    "maxis.analytics.feature.revenue": "Chiffre d'affaires",
    "maxis.analytics.revenue":
      "Chiffre d'affaires de {server} : {payments, plural, =0 {aucun paiement} one {{paid} sur # paiement} other {{paid} sur # paiements}}, {refundedCents, plural, =0 {aucun remboursement} other {{refunded} remboursés}}, {failed, plural, =0 {aucun paiement refusé} one {# paiement refusé} other {# paiements refusés}}, {disputes, plural, =0 {aucune contestation} one {# contestation} other {# contestations}}, {active, plural, =0 {aucun abonnement actif} one {# abonnement actif} other {# abonnements actifs}}",
    "maxis.status.gateway":
      "Gateway, shard {shard}/{shards} : **{state}** · dernier événement {lastEvent} · {reconnects, plural, one {# reconnexion} other {# reconnexions}}",
    "maxis.status.gateway_state.connected": "connecté",
    "maxis.status.gateway_state.connecting": "connexion en cours",
    "maxis.status.gateway_state.identifying": "identification en cours",
    "maxis.status.gateway_state.resuming": "reprise en cours",
    "maxis.status.gateway_state.disconnected": "déconnecté",
    "maxis.status.gateway_state.stopped": "arrêté",
    "maxis.status.gateway_no_event": "aucun pour l'instant",
    "maxis.status.gateway_unknown": "Gateway : {reason}",
    "maxis.analytics.title": "**{target}** sur {period} (depuis le <t:{since}:f>)",
    "maxis.analytics.tickets":
      "Tickets : {opened, plural, one {# ouvert} other {# ouverts}}, {closed, plural, one {# fermé} other {# fermés}}, {openNow, plural, one {# ouvert} other {# ouverts}} maintenant",
    "maxis.analytics.giveaways":
      "Concours : {started, plural, one {# lancé} other {# lancés}}, {ended, plural, one {# terminé} other {# terminés}}, {running} en cours, {entrants, plural, one {# participant} other {# participants}}",
    "maxis.analytics.promotions":
      "Promotions : {run, plural, one {# lancée} other {# lancées}} sur {plans, plural, one {# offre} other {# offres}}, moyenne {average}, {live} en cours",
    "maxis.analytics.unavailable": "{feature} : {reason}",
    "maxis.analytics.feature.tickets": "Tickets",
    "maxis.analytics.feature.giveaways": "Concours",
    "maxis.analytics.feature.promotions": "Promotions",
    "maxis.promo.created":
      "Promotion n° {id} lancée sur **{target}** dans {server} : **{plan}** −{percent} % ({price} → {promoted}) jusqu'au <t:{ends}:f>.",
    "maxis.promo.created_floor":
      "Promotion n° {id} lancée sur **{target}** dans {server} : **{plan}** {price} → {promoted} jusqu'au <t:{ends}:f>. Le prix plancher de l'offre limite la remise à −{effective} % au lieu des −{percent} % demandés.",
    "maxis.giveaway.started":
      "Concours `{id}` lancé sur **{target}** dans <#{channel}> : **{prize}**, {winners, plural, one {# gagnant} other {# gagnants}}, tirage <t:{ends}:R>.",
    "maxis.restart.done":
      "**{target}** redémarré : démarrage `{previous}` → `{bootId}`, {count, plural, one {# commande resynchronisée} other {# commandes resynchronisées}}.",
    "maxis.restart.done_sync_failed":
      "**{target}** redémarré : démarrage `{previous}` → `{bootId}`. {syncError}",
    "maxis.report.sent": "Rapport de **{target}** (joint aussi en Markdown).",
  },
);
