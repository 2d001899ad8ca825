/**
 * Every string the dashboard shows, in English and French, and the formatting that depends on the
 * language. The dashboard is a separate app from the Workers, so it keeps its own small catalogue.
 */
import { formatMessage } from "../../src/shared/i18n/message-format";
import { assigneesEn, assigneesFr } from "./i18n-assignees";
import { automationEn, automationFr } from "./i18n-automation";
import { inboxEn, inboxFr } from "./i18n-inbox";
import { plansEn, plansFr } from "./i18n-plans";
import { salesEn, salesFr } from "./i18n-sales";
import { settingsEn, settingsFr } from "./i18n-settings";
import { slaSettingsEn, slaSettingsFr } from "./i18n-sla-settings";
import { statsEn, statsFr } from "./i18n-stats";
import { ticketEn, ticketFr } from "./i18n-ticket";

export type Locale = "en" | "fr";

const en = {
  "app.title": "Maxis Support",
  "app.skip": "Skip to content",
  "nav.inbox": "Inbox",
  "nav.stats": "Stats",
  "nav.main": "Main",
  "nav.signOut": "Sign out",
  "nav.language": "Language",
  "nav.role.agent": "Agent",
  "nav.role.admin": "Admin",
  "signIn.title": "Support dashboard",
  "signIn.lead": "Answer members, triage tickets and follow your team's response times.",
  "signIn.button": "Sign in with Discord",
  "signIn.note": "Only members of the support team can sign in.",
  "signIn.expired": "Your session has ended. Please sign in again.",
  "status.open": "Open",
  "status.in_progress": "In progress",
  "status.waiting_for_member": "Waiting for member",
  "status.closed": "Closed",
  "status.all": "All",
  "priority.critical": "Critical",
  "priority.high": "High",
  "priority.medium": "Medium",
  "priority.low": "Low",
  "category.general": "General",
  "category.billing": "Billing",
  "category.technical": "Technical",
  "category.bug": "Bug",
  "category.account": "Account",
  "category.suggestion": "Suggestion",
  "user.you": "you",
  "user.unknown": "User {id}",
  "error.generic": "Something went wrong. Please try again.",
  "error.network": "Cannot reach Maxis. Check your connection; we retry by ourselves.",
  "error.timeout": "Maxis is taking too long to answer. Please try again in a moment.",
  "error.forbidden": "You are not allowed to do that.",
  "time.justNow": "just now",
  "dialog.cancel": "Cancel",
  "dialog.confirm": "Confirm",
  ...inboxEn,
  ...ticketEn,
  ...statsEn,
  ...slaSettingsEn,
  ...plansEn,
  ...salesEn,
  ...settingsEn,
  ...automationEn,
  ...assigneesEn,
};

export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  "app.title": "Support Maxis",
  "app.skip": "Aller au contenu",
  "nav.inbox": "Boîte de réception",
  "nav.stats": "Statistiques",
  "nav.main": "Principal",
  "nav.signOut": "Se déconnecter",
  "nav.language": "Langue",
  "nav.role.agent": "Agent",
  "nav.role.admin": "Admin",
  "signIn.title": "Tableau de bord du support",
  "signIn.lead": "Répondez aux membres, triez les tickets et suivez les délais de réponse de l'équipe.",
  "signIn.button": "Se connecter avec Discord",
  "signIn.note": "Seuls les membres de l'équipe de support peuvent se connecter.",
  "signIn.expired": "Votre session est terminée. Reconnectez-vous.",
  "status.open": "Ouvert",
  "status.in_progress": "En cours",
  "status.waiting_for_member": "En attente du membre",
  "status.closed": "Fermé",
  "status.all": "Tous",
  "priority.critical": "Critique",
  "priority.high": "Haute",
  "priority.medium": "Moyenne",
  "priority.low": "Basse",
  "category.general": "Général",
  "category.billing": "Facturation",
  "category.technical": "Technique",
  "category.bug": "Bug",
  "category.account": "Compte",
  "category.suggestion": "Suggestion",
  "user.you": "vous",
  "user.unknown": "Utilisateur {id}",
  "error.generic": "Un problème est survenu. Réessayez.",
  "error.network": "Maxis est injoignable. Vérifiez votre connexion ; nous réessayons tout seuls.",
  "error.timeout": "Maxis met trop de temps à répondre. Réessayez dans un instant.",
  "error.forbidden": "Vous n'avez pas le droit de faire cela.",
  "time.justNow": "à l'instant",
  "dialog.cancel": "Annuler",
  "dialog.confirm": "Confirmer",
  ...inboxFr,
  ...ticketFr,
  ...statsFr,
  ...slaSettingsFr,
  ...plansFr,
  ...salesFr,
  ...settingsFr,
  ...automationFr,
  ...assigneesFr,
};

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, fr };

export function pickLocale(saved: string | null, browser: readonly string[]): Locale {
  if (saved === "en" || saved === "fr") return saved;
  for (const language of browser) {
    if (language.toLowerCase().startsWith("fr")) return "fr";
    if (language.toLowerCase().startsWith("en")) return "en";
  }
  return "en";
}

/** Placeholders and plurals as the Workers' catalogues have them (Intl.PluralRules, `{n, plural, …}`). */
export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return formatMessage(locale, catalogues[locale][key], params);
}

export { formatDuration } from "../../src/shared/i18n/duration";

/** "3 min ago" / "il y a 3 min", through the browser's own Intl data. */
export function formatRelative(iso: string, locale: Locale, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return translate(locale, "time.justNow");
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto", style: "short" });
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  if (abs < 30 * 86_400) return rtf.format(Math.round(seconds / 86_400), "day");
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}
