import type { APIInteractionResponse } from "discord-api-types/v10";
import type { InteractionContext } from "../../../shared/discord/handlers";
import { deferredReply, type MessageData, messageBody } from "../../../shared/discord/responses";
import { DiscordRest, type FileAttachment } from "../../../shared/discord/rest";

export interface MessageWithFile {
  message: MessageData | string;
  file?: FileAttachment;
}

/**
 * Interaction responses here are JSON, so an answer carrying a file is deferred (privately) and then
 * delivered by editing the deferred message with one multipart PATCH. If the work throws, the member
 * sees the generic error rather than an endless "thinking…".
 */
export function deferThenEditWithFile(
  ctx: InteractionContext<MaxisEnv>,
  work: () => Promise<MessageWithFile>,
): APIInteractionResponse {
  const rest = new DiscordRest({ baseUrl: ctx.env.DISCORD_API_BASE });
  ctx.waitUntil(
    (async () => {
      let answer: MessageWithFile;
      try {
        answer = await work();
      } catch (error) {
        console.error("deferred ticket work failed", error);
        answer = { message: ctx.t("error.internal") };
      }
      const { flags: _flags, ...body } = messageBody(answer.message);
      const path = `/webhooks/${ctx.interaction.application_id}/${ctx.interaction.token}/messages/@original`;
      await rest
        .request(
          "PATCH",
          path,
          answer.file
            ? {
                body: { ...body, attachments: [{ id: 0, filename: answer.file.name }] },
                files: [answer.file],
              }
            : { body },
        )
        .catch((error: unknown) => console.error("could not edit the deferred response", error));
    })(),
  );
  return deferredReply({ ephemeral: true });
}
