/**
 * What was said where, in the Discord stand-in: messages posted in channels and threads (by the bot,
 * through channel webhooks, or as a person with `POST /__local/messages`), private threads with their
 * members and archived/locked flags, and channel webhooks. Each new, edited or deleted message is
 * dispatched to the stand-in's Gateway as Discord would.
 */
import type { LocalGateway } from "./gateway";

export interface StoredMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: { id: string; username: string; global_name?: string | null; avatar: string | null; bot?: boolean };
  member?: { roles: string[] };
  webhook_id?: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  attachments: { id: string; filename: string; url: string; size: number }[];
  timestamp: string;
  edited_timestamp: string | null;
  flags?: number;
  type: number;
}

export interface ThreadChannel {
  id: string;
  name: string;
  type: number;
  guild_id: string;
  parent_id: string;
  owner_id: string;
  members: string[];
  thread_metadata: { archived: boolean; locked: boolean; invitable: boolean; auto_archive_duration: number };
}

export interface ChannelWebhook {
  id: string;
  token: string;
  channel_id: string;
  guild_id: string;
  name: string;
  type: 1;
}

export interface MessageStore {
  messages: Map<string, StoredMessage[]>;
  threads: Map<string, ThreadChannel>;
  webhooks: Map<string, ChannelWebhook>;
  /** Messages created with `enforce_nonce`, by `<channel id>:<nonce>`. */
  nonces: Map<string, StoredMessage>;
  post(message: Omit<StoredMessage, "id" | "timestamp" | "edited_timestamp" | "type">): StoredMessage;
  edit(channelId: string, messageId: string, content: string): StoredMessage | null;
  remove(channelId: string, messageId: string): boolean;
  /** Discord's paging with `after`: the `limit` oldest messages after that id, newest first. */
  after(channelId: string, after: string, limit: number): StoredMessage[];
}

const byId = (a: { id: string }, b: { id: string }) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1);

export function createMessageStore(
  gateway: LocalGateway,
  nextSnowflake: () => string,
  guildOf: (channelId: string) => string | undefined,
): MessageStore {
  const messages = new Map<string, StoredMessage[]>();
  const list = (channelId: string) => {
    let found = messages.get(channelId);
    if (!found) {
      found = [];
      messages.set(channelId, found);
    }
    return found;
  };
  return {
    messages,
    threads: new Map(),
    webhooks: new Map(),
    nonces: new Map(),
    post(input) {
      const guildId = input.guild_id ?? guildOf(input.channel_id);
      const message: StoredMessage = {
        ...input,
        ...(guildId ? { guild_id: guildId } : {}),
        id: nextSnowflake(),
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        type: 0,
      };
      list(message.channel_id).push(message);
      gateway.dispatch("MESSAGE_CREATE", { ...message }, guildId ?? null);
      return message;
    },
    edit(channelId, messageId, content) {
      const message = list(channelId).find((m) => m.id === messageId);
      if (!message) return null;
      message.content = content;
      message.edited_timestamp = new Date().toISOString();
      gateway.dispatch("MESSAGE_UPDATE", { ...message }, message.guild_id ?? null);
      return message;
    },
    remove(channelId, messageId) {
      const all = list(channelId);
      const index = all.findIndex((m) => m.id === messageId);
      if (index < 0) return false;
      const [message] = all.splice(index, 1);
      const guildId = message?.guild_id;
      gateway.dispatch(
        "MESSAGE_DELETE",
        { id: messageId, channel_id: channelId, ...(guildId ? { guild_id: guildId } : {}) },
        guildId ?? null,
      );
      return true;
    },
    after(channelId, after, limit) {
      const floor = BigInt(after);
      return list(channelId)
        .filter((m) => BigInt(m.id) > floor)
        .sort(byId)
        .slice(0, limit)
        .reverse();
    },
  };
}
