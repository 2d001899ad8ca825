import type { MessageData } from "../../../shared/discord/responses";
import type { Locale } from "../../../shared/i18n";
import type { TicketMessage, TicketWithDescription } from "../rpc";
import { type CategoryLabels, type CategoryName, categoryNamer } from "./labels";

export interface ButtonView {
  custom_id?: string;
  label?: string;
  disabled?: boolean;
}

/** The buttons of a message's first row. */
export function buttonsOf(message: Pick<MessageData, "components">): ButtonView[] {
  const row = message.components?.[0];
  return row && "components" in row ? (row.components as ButtonView[]) : [];
}

/** A ticket as the database returns it, for rendering tests. */
export function ticketFixture(overrides: Partial<TicketWithDescription> = {}): TicketWithDescription {
  return {
    number: 42,
    guildId: "1300000000000000010",
    subject: "Broken login",
    description: "It fails",
    category: "account",
    priority: "high",
    status: "open",
    ownerId: "1300000000000000111",
    ownerLocale: "en",
    assigneeId: null,
    createdAt: "2026-11-24T10:00:00.000Z",
    updatedAt: "2026-11-24T10:00:00.000Z",
    lastActivityAt: "2026-11-24T10:00:00.000Z",
    firstStaffResponseAt: null,
    closedAt: null,
    closedBy: null,
    closeReason: null,
    staffPost: null,
    dmFailure: null,
    ...overrides,
  };
}

export function messageFixture(overrides: Partial<TicketMessage> = {}): TicketMessage {
  return {
    id: 1,
    authorId: "1300000000000000111",
    body: "Hello",
    isInternal: false,
    fromStaff: false,
    createdAt: "2026-11-24T10:05:00.000Z",
    ...overrides,
  };
}

/** A server's categories as its settings have them: one of the six as seeded, one renamed, two added. */
export const serverCategoriesFixture: CategoryLabels = [
  { key: "account", labelEn: "Account", labelFr: "Compte", emoji: "👤" },
  { key: "billing", labelEn: "Payments", labelFr: "Paiements", emoji: null },
  { key: "partnerships", labelEn: "Partnerships", labelFr: "Partenariats", emoji: "🤝" },
  { key: "press", labelEn: "Press *kit* <@&1>", labelFr: "Presse", emoji: "<:press:1300000000000000999>" },
];

/** Names as a server with those categories gives them. */
export const serverNames = (locale: Locale): CategoryName => categoryNamer(locale, serverCategoriesFixture);
/** Names without a server's settings: the catalogue's six, other keys as they are. */
export const catalogueNames = (locale: Locale): CategoryName => categoryNamer(locale, []);
