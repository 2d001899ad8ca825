import { defineMessages } from "../define";

/** Payments: buying from /shop, /subscription, and the Stripe and Discord webhooks' HTTP errors. */
export const payments = /* @__PURE__ */ defineMessages(
  {
    "shop.buy.button": "Buy {plan}",
    "payments.checkout.ready": "**{plan}**: {price} per month. Pay securely on Stripe with the button below.",
    "payments.checkout.ready_week":
      "**{plan}**: {price} per week. Pay securely on Stripe with the button below.",
    "payments.checkout.ready_year":
      "**{plan}**: {price} per year. Pay securely on Stripe with the button below.",
    "payments.checkout.ready_lifetime":
      "**{plan}**: {price}, paid once, yours for good. Pay securely on Stripe with the button below.",
    "payments.checkout.role_follows": "Your role arrives as soon as the payment goes through.",
    "payments.checkout.pay": "Pay with Stripe",
    "payments.checkout.unknown_plan":
      "This plan is no longer for sale. Open /shop again to see the current ones.",
    "payments.checkout.not_configured": "Payments are not set up on this server yet.",
    "payments.checkout.guild_only": "Buy from /shop inside a server: the role is given in that server.",
    "payments.checkout.unavailable": "The payment page could not be prepared. Please try again in a moment.",
    "payments.checkout.already_owned":
      "You already have **{plan}** in this server. /subscription shows it and opens your billing.",
    "command.subscription.description":
      "Your plans, their status and renewal date, and a link to manage billing",
    "subscription.title": "Your subscriptions",
    "subscription.empty": "You have no plan in this server. /shop lists what is for sale.",
    "subscription.status.active": "Active",
    "subscription.status.grace": "Payment failed: access kept until <t:{until}:f> while the card is retried",
    "subscription.status.ended": "Ended",
    "subscription.renews": "Renews <t:{date}:D>",
    "subscription.paid": "{price} per period",
    "subscription.paid_week": "{price} per week",
    "subscription.paid_month": "{price} per month",
    "subscription.paid_year": "{price} per year",
    "subscription.lifetime": "Yours for good: paid once, never renews",
    "subscription.paid_once": "{price}, paid once",
    "subscription.source.stripe": "Paid with Stripe",
    "subscription.source.discord": "Bought in Discord",
    "subscription.portal": "Manage billing",
    "subscription.portal_unavailable": "The billing page cannot be opened right now; try again in a moment.",
    "subscription.unavailable": "Your subscriptions cannot be read right now. Please try again in a moment.",
    "payments.http.invalid_signature": "The webhook signature is missing, invalid or too old.",
    "payments.http.invalid_json": "The body is not JSON.",
    "payments.http.invalid_event": "This is not an event we understand (field {field}).",
    "payments.http.body_too_large": "The body is larger than {kib} KiB.",
    "payments.http.unavailable": "The event could not be recorded; it will be accepted when sent again.",
    "payments.http.cancel_failed":
      "The event was recorded, but the subscription it ended could not be canceled at Stripe yet; it will be when the event is sent again.",
    "control.feature.payments": "Payments",
    "control.report.revenue_value":
      "Revenue of {server}: {paid} from {payments, plural, one {# payment} other {# payments}}, {refundedCents, plural, =0 {nothing refunded} other {{refunded} refunded}}, {failed, plural, one {# failed payment} other {# failed payments}}, {disputes, plural, one {# dispute} other {# disputes}}, {active, plural, one {# active subscription} other {# active subscriptions}}. By plan and promotion: {byPlan}",
    "control.report.revenue_plan":
      "{plan}, promotion {promotion}: {paid} ({payments, plural, one {# payment} other {# payments}})",
    "control.report.revenue_separator": "; ",
  },
  {
    "shop.buy.button": "Acheter {plan}",
    "payments.checkout.ready":
      "**{plan}** : {price} par mois. Payez en toute sécurité sur Stripe avec le bouton ci-dessous.",
    "payments.checkout.ready_week":
      "**{plan}** : {price} par semaine. Payez en toute sécurité sur Stripe avec le bouton ci-dessous.",
    "payments.checkout.ready_year":
      "**{plan}** : {price} par an. Payez en toute sécurité sur Stripe avec le bouton ci-dessous.",
    "payments.checkout.ready_lifetime":
      "**{plan}** : {price}, payé une seule fois, à vous pour de bon. Payez en toute sécurité sur Stripe avec le bouton ci-dessous.",
    "payments.checkout.role_follows": "Votre rôle arrive dès que le paiement est accepté.",
    "payments.checkout.pay": "Payer avec Stripe",
    "payments.checkout.unknown_plan":
      "Cette offre n'est plus en vente. Rouvrez /shop pour voir les offres actuelles.",
    "payments.checkout.not_configured": "Les paiements ne sont pas encore configurés sur ce serveur.",
    "payments.checkout.guild_only":
      "Achetez depuis /shop dans un serveur : le rôle est donné dans ce serveur.",
    "payments.checkout.unavailable":
      "La page de paiement n'a pas pu être préparée. Réessayez dans un instant.",
    "payments.checkout.already_owned":
      "Vous avez déjà l'offre **{plan}** sur ce serveur. /subscription montre son état et ouvre la facturation.",
    "command.subscription.description":
      "Vos offres, leur état et leur date de renouvellement, et un lien pour gérer la facturation",
    "subscription.title": "Vos abonnements",
    "subscription.empty": "Vous n'avez aucune offre sur ce serveur. /shop liste ce qui est en vente.",
    "subscription.status.active": "Actif",
    "subscription.status.grace":
      "Paiement refusé : accès conservé jusqu'au <t:{until}:f> pendant les nouvelles tentatives",
    "subscription.status.ended": "Terminé",
    "subscription.renews": "Renouvellement le <t:{date}:D>",
    "subscription.paid": "{price} par période",
    "subscription.paid_week": "{price} par semaine",
    "subscription.paid_month": "{price} par mois",
    "subscription.paid_year": "{price} par an",
    "subscription.lifetime": "À vous pour de bon : payé une fois, sans renouvellement",
    "subscription.paid_once": "{price}, payé une fois",
    "subscription.source.stripe": "Payé avec Stripe",
    "subscription.source.discord": "Acheté dans Discord",
    "subscription.portal": "Gérer la facturation",
    "subscription.portal_unavailable":
      "La page de facturation ne peut pas s'ouvrir pour le moment ; réessayez dans un instant.",
    "subscription.unavailable":
      "Vos abonnements ne peuvent pas être lus pour le moment. Réessayez dans un instant.",
    "payments.http.invalid_signature": "La signature du webhook est absente, invalide ou trop ancienne.",
    "payments.http.invalid_json": "Le corps n'est pas du JSON.",
    "payments.http.invalid_event": "Ce n'est pas un événement que nous comprenons (champ {field}).",
    "payments.http.body_too_large": "Le corps dépasse {kib} Kio.",
    "payments.http.unavailable":
      "L'événement n'a pas pu être enregistré ; il sera accepté lorsqu'il sera renvoyé.",
    "payments.http.cancel_failed":
      "L'événement est enregistré, mais l'abonnement qu'il a terminé n'a pas encore pu être résilié chez Stripe ; il le sera lorsque l'événement sera renvoyé.",
    "control.feature.payments": "Les paiements",
    "control.report.revenue_value":
      "Chiffre d'affaires de {server} : {payments, plural, =0 {aucun paiement} one {{paid} sur # paiement} other {{paid} sur # paiements}}, {refundedCents, plural, =0 {aucun remboursement} other {{refunded} remboursés}}, {failed, plural, =0 {aucun paiement refusé} one {# paiement refusé} other {# paiements refusés}}, {disputes, plural, =0 {aucune contestation} one {# contestation} other {# contestations}}, {active, plural, =0 {aucun abonnement actif} one {# abonnement actif} other {# abonnements actifs}}. Par offre et promotion : {byPlan}",
    "control.report.revenue_plan":
      "{plan}, promotion {promotion} : {paid} ({payments, plural, one {# paiement} other {# paiements}})",
    "control.report.revenue_separator": " ; ",
  },
);
