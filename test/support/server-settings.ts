import type { ServerSettings } from "../../src/shared/contracts/settings";

/** A server's settings as a brand-new server has them, with what a test cares about changed. */
export function serverSettingsWith(changes: Partial<ServerSettings> = {}): ServerSettings {
  return {
    guildId: "1300000000000000010",
    staffRoleIds: [],
    supportChannelId: null,
    staffChannelId: null,
    openTicketLimit: 5,
    dmNotifications: true,
    defaultLocale: "en",
    panelTitle: null,
    panelText: null,
    panelChannelId: null,
    panelMessageId: null,
    categories: [],
    ...changes,
  };
}
