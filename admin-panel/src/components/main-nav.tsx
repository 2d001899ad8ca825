import { useApp } from "../context";
import type { MessageKey } from "../i18n";
import type { Route } from "../route";
import "./main-nav.css";

type Page = Route["page"];

/** The top bar's pages, each with its icon (one SVG path); `alsoFor` marks it current on sub-pages. */
const LINKS: { page: Page; label: MessageKey; icon: string; adminsOnly?: true; alsoFor?: Page }[] = [
  { page: "inbox", label: "nav.inbox", icon: "M4 4h16v11h-5l-1.5 2h-3L9 15H4z", alsoFor: "ticket" },
  { page: "stats", label: "nav.stats", icon: "M5 20V10M12 20V4M19 20v-7" },
  { page: "plans", label: "nav.plans", icon: "M3 12 12 3h9v9l-9 9zM16 8h.01", adminsOnly: true },
  { page: "sales", label: "nav.sales", icon: "M4 19h16M6 15l4-4 3 3 5-6", adminsOnly: true },
  { page: "settings", label: "nav.settings", icon: "M4 7h10M18 7h2M4 17h4M12 17h8M14 5v4M8 15v4" },
];

/** The dashboard's main navigation; Plans and Sales only for the server's admins. */
export function MainNav({ current }: { current: Page }) {
  const { t, session } = useApp();
  return (
    <nav aria-label={t("nav.main")} class="mainnav">
      {LINKS.filter((link) => !link.adminsOnly || session.appRole === "admin").map((link) => (
        <a
          key={link.page}
          href={`#/${link.page}`}
          aria-current={current === link.page || current === link.alsoFor ? "page" : undefined}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d={link.icon} />
          </svg>
          <span>{t(link.label)}</span>
        </a>
      ))}
    </nav>
  );
}
