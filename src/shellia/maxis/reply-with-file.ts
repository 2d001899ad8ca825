import type { APIInteractionResponse } from "discord-api-types/v10";
import type { InteractionContext } from "../../shared/discord/handlers";
import { deferredReply, type MessageData, messageBody } from "../../shared/discord/responses";
import type { DiscordRest, FileAttachment } from "../../shared/discord/rest";

export interface MessageWithFile {
  message: MessageData | string;
  file?: FileAttachment;
}

/**
 * `deferThenEdit` for answers that may carry a file (the report's Markdown): defers privately, then
 * edits the deferred message with the content and the attachment in one multipart PATCH.
 */
export function deferThenEditWithFile<Env>(
  ctx: InteractionContext<Env>,
  rest: DiscordRest,
  work: () => Promise<MessageWithFile>,
): APIInteractionResponse {
  ctx.waitUntil(
    (async () => {
      let answer: MessageWithFile;
      try {
        answer = await work();
      } catch (error) {
        console.error("deferred work failed", error);
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
