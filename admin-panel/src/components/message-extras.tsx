import type { TicketMessage } from "../api";
import { useApp } from "../context";
import { formatDateTime } from "../i18n";
import "./message-extras.css";

/** Only links to Discord's own https storage are clickable; anything else is shown as its name. */
const isHttps = (url: string) => /^https:\/\//.test(url);

/**
 * What a message typed in the ticket's Discord thread carries besides its text: its attachments (names
 * and links), and whether it was edited or deleted there (the original text is in the history).
 */
export function MessageExtras({ message }: { message: TicketMessage }) {
  const { t, locale } = useApp();
  const attachments = message.attachments ?? [];
  return (
    <>
      {(message.editedAt || message.deletedAt) && (
        <p class="msg-changes">
          {message.editedAt && (
            <span class="msg-change" title={formatDateTime(message.editedAt, locale)}>
              {t("ticket.message.edited")}
            </span>
          )}
          {message.deletedAt && (
            <span class="msg-change is-deleted" title={formatDateTime(message.deletedAt, locale)}>
              {t("ticket.message.deleted")}
            </span>
          )}
        </p>
      )}
      {attachments.length > 0 && (
        <ul class="msg-attachments" aria-label={t("ticket.message.attachments")}>
          {attachments.map((a) => (
            <li key={a.url}>
              📎{" "}
              {isHttps(a.url) ? (
                <a href={a.url} target="_blank" rel="noopener noreferrer nofollow">
                  {a.name}
                </a>
              ) : (
                a.name
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Links to the ticket's transcript page, with or without internal notes, and as a file. */
export function TranscriptLinks({ number }: { number: number }) {
  const { api, t } = useApp();
  return (
    <p class="transcript-links">
      <a href={api.transcriptUrl(number, { notes: false, download: false })} target="_blank" rel="noopener">
        {t("ticket.transcript.open")}
      </a>
      <a href={api.transcriptUrl(number, { notes: true, download: false })} target="_blank" rel="noopener">
        {t("ticket.transcript.withNotes")}
      </a>
      <a href={api.transcriptUrl(number, { notes: true, download: true })}>
        {t("ticket.transcript.download")}
      </a>
    </p>
  );
}
