import type { ComponentHandler } from "../../shared/discord/handlers";
import { ephemeral, updateMessage } from "../../shared/discord/responses";
import { GIVEAWAY_COMPONENT, leaveButton, parseGiveawayButton } from "./message";
import { giveawayStub } from "./service";

/**
 * The Enter button on the giveaway message and the Leave button offered to members already in.
 * Only a `custom_id` these buttons could carry is accepted, and only from a member of a server:
 * the giveaway itself checks that it is that member's server.
 */
export const giveawayButtons: ComponentHandler<MaxisEnv> = {
  prefix: GIVEAWAY_COMPONENT,

  async run({ interaction, env, t, user }, args) {
    const button = parseGiveawayButton(args);
    if (!button) return ephemeral(t("error.unknown_component"));
    const guildId = interaction.guild_id;
    if (!guildId || !interaction.member) return ephemeral(t("giveaway.entry.guild_only"));
    const stub = giveawayStub(env, button.giveawayId);

    if (button.action === "leave") {
      const outcome = await stub.leave({ guildId, userId: user.id });
      switch (outcome.status) {
        case "left":
          return updateMessage({
            content: t("giveaway.entry.left", { count: outcome.entrants }),
            components: [],
          });
        case "ended":
          return updateMessage({ content: t("giveaway.entry.ended"), components: [] });
        case "not_found":
          return updateMessage({ content: t("giveaway.error.not_found"), components: [] });
        default:
          return updateMessage({ content: t("giveaway.entry.not_entered"), components: [] });
      }
    }

    const outcome = await stub.enter({ guildId, userId: user.id, roles: interaction.member.roles });
    switch (outcome.status) {
      case "entered":
        return ephemeral(t("giveaway.entry.entered", { count: outcome.entrants }));
      case "already_entered":
        return ephemeral({
          content: t("giveaway.entry.already", { count: outcome.entrants }),
          components: [leaveButton(button.giveawayId, t)],
        });
      case "missing_role":
        return ephemeral(t("giveaway.entry.missing_role", { role: outcome.roleId }));
      case "ended":
        return ephemeral(t("giveaway.entry.ended"));
      default:
        return ephemeral(t("giveaway.error.not_found"));
    }
  },
};
