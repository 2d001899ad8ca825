import { guildCommand } from "../../shared/discord/command-definition";
import type { SlashCommand } from "../../shared/discord/handlers";
import { ephemeral } from "../../shared/discord/responses";
import { actingIdentity } from "../identity";
import { supabaseAs } from "../supabase/client";

interface SessionInfo {
  sub: string;
  role: string;
  app_role: string;
}

/** `/ping`: proves the whole path, Discord → Maxis → Supabase (as this member, under RLS) → Discord. */
export const ping: SlashCommand<MaxisEnv> = {
  data: guildCommand({ name: "ping", description: "command.ping.description" }),
  // Reads session_info (STABLE) only: a replay answers again.
  readOnly: true,

  async run({ interaction, env, t }) {
    const identity = await actingIdentity(env, interaction);
    const supabase = await supabaseAs(env, identity);
    const started = Date.now();
    const { data, error } = await supabase.rpc("session_info");
    if (error) {
      console.error("session_info failed", error);
      return ephemeral(t("ping.database_down"));
    }
    const info = data as SessionInfo;
    return ephemeral(t("ping.ok", { ms: Date.now() - started, appRole: info.app_role }));
  },
};
