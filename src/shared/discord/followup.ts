import type { APIInteraction, APIInteractionResponse } from "discord-api-types/v10";
import type { InteractionContext } from "./handlers";
import { deferredReply, type MessageData, messageBody, type ReplyOptions } from "./responses";
import type { DiscordRest, FileAttachment } from "./rest";

/** A message, and optionally one file attached to it (a report, a transcript). */
export interface MessageWithFile {
  message: MessageData | string;
  file?: FileAttachment;
}

/**
 * Answers within Discord's 3-second limit with a "thinking…" response, then finishes the work after
 * the response and edits that message with the result. If the work fails, the member sees a
 * localized error instead of an endless "thinking…".
 */
export function deferThenEdit<Env>(
  ctx: InteractionContext<Env>,
  rest: DiscordRest,
  work: () => Promise<MessageData | string>,
  options: ReplyOptions = {},
): APIInteractionResponse {
  return deferThenEditWithFile(ctx, rest, async () => ({ message: await work() }), options);
}

/**
 * `deferThenEdit` for answers that may carry a file. Interaction responses are JSON, so a file can
 * only arrive with the edit: one multipart PATCH with the content and the attachment.
 */
export function deferThenEditWithFile<Env>(
  ctx: InteractionContext<Env>,
  rest: DiscordRest,
  work: () => Promise<MessageWithFile>,
  options: ReplyOptions = {},
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
      await editOriginalResponse(rest, ctx.interaction, answer.message, answer.file).catch(
        (error: unknown) => {
          // Nobody is left to tell but the logs: the interaction's 15-minute token may have expired.
          console.error("could not edit the deferred response", error);
        },
      );
    })(),
  );
  return deferredReply(options);
}

export async function editOriginalResponse(
  rest: DiscordRest,
  interaction: APIInteraction,
  data: MessageData | string,
  file?: FileAttachment,
): Promise<void> {
  // Flags cannot change on edit: an ephemeral deferral stays ephemeral.
  const { flags: _flags, ...body } = messageBody(data);
  await rest.request(
    "PATCH",
    `/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`,
    file ? { body: { ...body, attachments: [{ id: 0, filename: file.name }] }, files: [file] } : { body },
  );
}

export async function sendFollowup(
  rest: DiscordRest,
  interaction: APIInteraction,
  data: MessageData | string,
  options: ReplyOptions = {},
): Promise<void> {
  await rest.request("POST", `/webhooks/${interaction.application_id}/${interaction.token}`, {
    body: messageBody(data, options),
  });
}
