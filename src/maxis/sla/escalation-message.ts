/**
 * The escalation Maxis posts in a server's staff channel (pure): what is due or overdue, on which
 * ticket, in the server's language, mentioning exactly the roles the database chose (the category's
 * staff roles, or the server's, and the on-call role) and nobody else, whatever the subject says.
 */
import type { RESTPostAPIChannelMessageJSONBody } from "discord-api-types/v10";
import { type Locale, translatorFor } from "../../shared/i18n";
import { inertText } from "../../shared/markdown";
import type { ClaimedEscalation } from "./rpc";

/** Discord accepts at most 100 role ids in allowed_mentions. */
const MAX_ROLES = 100;

export function escalationMessage(escalation: ClaimedEscalation): RESTPostAPIChannelMessageJSONBody {
  const locale: Locale = escalation.locale === "fr" ? "fr" : "en";
  const t = translatorFor(locale);
  const roles = escalation.roleIds.filter((id) => /^[0-9]{1,20}$/.test(id)).slice(0, MAX_ROLES);
  const due = `<t:${Math.floor(Date.parse(escalation.dueAt) / 1000)}:R>`;
  const lines = [
    t(`sla.escalation.${escalation.stage}`, {
      number: escalation.number,
      priority: t(`ticket.priority.${escalation.priority}`),
      due,
    }),
    t("sla.escalation.subject", { subject: inertText(escalation.subject, 100) }),
    escalation.assigneeId
      ? t("sla.escalation.assignee", { assignee: escalation.assigneeId })
      : t("sla.escalation.unassigned"),
  ];
  if (roles.length > 0) lines.push(roles.map((id) => `<@&${id}>`).join(" "));
  return {
    content: lines.join("\n"),
    // Only the roles meant: not the assignee (named, not pinged), not anything in the subject.
    allowed_mentions: { parse: [], roles },
    // Discord keeps the first message with this nonce for a few minutes: a pass that died after the
    // post but before recording it re-sends without a second message.
    nonce: `sla${escalation.id}`,
    enforce_nonce: true,
  };
}
