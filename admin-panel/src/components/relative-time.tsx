import { useApp } from "../context";
import { formatDateTime, formatRelative } from "../i18n";

/** "3 min ago", with the full date and time on hover and for machines. */
export function RelativeTime({ iso }: { iso: string }) {
  const { locale } = useApp();
  return (
    <time dateTime={iso} title={formatDateTime(iso, locale)}>
      {formatRelative(iso, locale)}
    </time>
  );
}
