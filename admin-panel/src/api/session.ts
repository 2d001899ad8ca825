/** Who is signed in, and where: the session, the servers to switch to, and people's names. */
import { MAX_PEOPLE_PER_REQUEST, type Person } from "../../../src/shared/contracts/people";
import type { Transport } from "./transport";

export interface SessionInfo {
  user: { id: string; name: string; avatarUrl: string | null };
  appRole: "agent" | "admin";
  /** The server this session is for (one at a time; the switcher opens a session for another). */
  guildId: string;
  expiresAt: string;
}

export const sessionApi = ({ base, request, get, write }: Transport) => ({
  loginUrl: (returnTo: string) => `${base}/auth/discord/login?return_to=${encodeURIComponent(returnTo)}`,
  session: () => get<SessionInfo>("/auth/session"),
  logout: () => request<unknown>("POST", "/auth/logout", {}),
  /** The servers the person and Maxis share; switching opens a session there if Discord says staff. */
  servers: () => get<{ servers: { id: string; name: string; current: boolean }[] }>("/auth/servers"),
  switchServer: (guildId: string) =>
    write<{ guildId: string; appRole: SessionInfo["appRole"] }>("/auth/switch", { guildId }),
  people: (ids: readonly string[]) =>
    get<{ people: Person[] }>(`/api/v1/people?ids=${ids.slice(0, MAX_PEOPLE_PER_REQUEST).join(",")}`),
});
