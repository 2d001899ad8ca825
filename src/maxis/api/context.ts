import type { Context } from "hono";
import type { Locale, Translator } from "../../shared/i18n";
import type { StaffSession } from "../dashboard-auth/session-token";

/** What the API's middleware leaves for the routes: the verified session and the reader's language. */
export interface ApiVariables {
  session: StaffSession;
  /** The staff member's Discord roles in the session's server (for the per-category policies). */
  roleIds: string[];
  locale: Locale;
  t: Translator;
}

export type ApiEnv = { Bindings: MaxisEnv; Variables: ApiVariables };
export type ApiContext = Context<ApiEnv>;
