/**
 * The Settings page's resources: server settings and categories, response-time targets, automation
 * and canned replies (staff read them, admins change them), and the server's Discord roles and channels.
 */
import type { AutomationSettings } from "../../../src/shared/contracts/automation";
import type { GuildChannel, GuildRole } from "../../../src/shared/contracts/discord-directory";
import type {
  CategoryChanges,
  ServerSettings,
  SettingsChanges,
  TicketCategory,
} from "../../../src/shared/contracts/settings";
import type { SlaSettings } from "../../../src/shared/contracts/sla";
import type { Snippet, SnippetInput } from "../../../src/shared/contracts/snippets";
import type { Transport } from "./transport";

/** What POST /api/v1/settings/categories takes: no key, and the server makes one from labelEn. */
export type NewCategory = Pick<TicketCategory, "labelEn" | "labelFr"> &
  Partial<Pick<TicketCategory, "key" | "emoji" | "staffRoleIds" | "questions" | "enabled">>;

export const settingsApi = ({ get, write }: Transport) => ({
  settings: () => get<ServerSettings>("/api/v1/settings"),
  updateSettings: (changes: SettingsChanges) => write<ServerSettings>("/api/v1/settings", changes, "PATCH"),
  updateCategory: (key: string, changes: CategoryChanges) =>
    write<TicketCategory>(`/api/v1/settings/categories/${encodeURIComponent(key)}`, changes, "PATCH"),
  addCategory: (category: NewCategory) => write<TicketCategory>("/api/v1/settings/categories", category),
  /** Every key of the server, first to last. */
  reorderCategories: (keys: readonly string[]) =>
    write<TicketCategory[]>("/api/v1/settings/categories/order", { keys }, "PUT"),
  /** The server's roles and channels as Discord gives them to Maxis, for the pickers. */
  discordDirectory: () => get<{ roles: GuildRole[]; channels: GuildChannel[] }>("/api/v1/settings/discord"),
  sla: () => get<SlaSettings>("/api/v1/sla"),
  updateSla: (changes: Partial<SlaSettings>) => write<SlaSettings>("/api/v1/sla", changes, "PATCH"),
  automation: () => get<AutomationSettings>("/api/v1/automation"),
  updateAutomation: (changes: Partial<AutomationSettings>) =>
    write<AutomationSettings>("/api/v1/automation", changes, "PATCH"),
  snippets: () => get<Snippet[]>("/api/v1/snippets"),
  createSnippet: (input: SnippetInput) => write<Snippet>("/api/v1/snippets", input),
  updateSnippet: (id: number, input: SnippetInput) =>
    write<Snippet>(`/api/v1/snippets/${id}`, input, "PATCH"),
  deleteSnippet: (id: number) => write<Snippet>(`/api/v1/snippets/${id}`, {}, "DELETE"),
});
