import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Api, SessionInfo } from "./api";
import type { Locale, MessageKey } from "./i18n";

export interface AppContextValue {
  api: Api;
  locale: Locale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  session: SessionInfo;
  /** A short confirmation or error, announced to screen readers. */
  toast: (message: string, kind?: "ok" | "error") => void;
  /** A display name for a Discord user id (their name in the server once looked up). */
  userName: (id: string | null) => string;
  /** Their Discord avatar, when they have one. */
  avatarOf: (id: string) => string | null;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApp outside the app");
  return value;
}
