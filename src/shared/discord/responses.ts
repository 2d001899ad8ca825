import { InteractionResponseType, MessageFlags } from "discord-api-types/payloads/v10";
import type {
  APIAllowedMentions,
  APIApplicationCommandOptionChoice,
  APICommandAutocompleteInteractionResponseCallbackData,
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
  APIModalInteractionResponseCallbackData,
} from "discord-api-types/v10";

/**
 * Mentions in anything we send are inert unless a caller lists exactly who may be pinged.
 * User text can then never reach @everyone, @here or a role.
 */
export const NO_MENTIONS: APIAllowedMentions = { parse: [] };

export type MessageData = Omit<APIInteractionResponseCallbackData, "allowed_mentions"> & {
  allowed_mentions?: APIAllowedMentions;
};

export interface ReplyOptions {
  /** Only the member who ran the command sees it. */
  ephemeral?: boolean;
}

/** Adds the safe `allowed_mentions` default and the ephemeral flag to a message body. */
export function messageBody(
  data: MessageData | string,
  options: ReplyOptions = {},
): APIInteractionResponseCallbackData {
  const body = typeof data === "string" ? { content: data } : data;
  const flags = (body.flags ?? 0) | (options.ephemeral ? MessageFlags.Ephemeral : 0);
  return {
    ...body,
    allowed_mentions: body.allowed_mentions ?? NO_MENTIONS,
    ...(flags ? { flags } : {}),
  };
}

export function reply(data: MessageData | string, options: ReplyOptions = {}): APIInteractionResponse {
  return { type: InteractionResponseType.ChannelMessageWithSource, data: messageBody(data, options) };
}

export function ephemeral(data: MessageData | string): APIInteractionResponse {
  return reply(data, { ephemeral: true });
}

/** Replaces the message a button was clicked on. */
export function updateMessage(data: MessageData | string): APIInteractionResponse {
  return { type: InteractionResponseType.UpdateMessage, data: messageBody(data) };
}

export function deferredReply(options: ReplyOptions = {}): APIInteractionResponse {
  return {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    ...(options.ephemeral ? { data: { flags: MessageFlags.Ephemeral } } : {}),
  };
}

export function autocompleteChoices(choices: APIApplicationCommandOptionChoice[]): APIInteractionResponse {
  // Discord accepts at most 25 choices and rejects the whole response beyond that.
  const data: APICommandAutocompleteInteractionResponseCallbackData = { choices: choices.slice(0, 25) };
  return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data };
}

export function openModal(data: APIModalInteractionResponseCallbackData): APIInteractionResponse {
  return { type: InteractionResponseType.Modal, data };
}
