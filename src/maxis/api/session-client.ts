import { supabaseAs } from "../supabase/client";
import type { ApiContext } from "./context";

/** The Supabase client acting as the session's staff member (their server, app role and Discord roles, for RLS). */
export const clientOf = (c: ApiContext) => {
  const { sub, guild_id, app_role } = c.var.session;
  return supabaseAs(c.env, { userId: sub, appRole: app_role, guildId: guild_id, roleIds: c.var.roleIds });
};
