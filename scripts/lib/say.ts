/**
 * `npm run interact -- say <channel id> "text" [--user ID] [--staff]`: types a message in a channel or
 * thread of the Discord stand-in as that person (POST /__local/messages), which dispatches it to
 * connected Gateway sessions as Discord would.
 * `npm run interact -- thread <thread id>`: prints a thread (archived, locked, members) and its messages.
 * The types and calls below are also what tests use to do the same (import them rather than restate them).
 */
import { LOCAL_STAFF_ROLE_ID } from "./local-identities";

/** A thread as the stand-in holds it (GET /__local/threads/:id). */
export interface ThreadState {
  name: string;
  members: string[];
  thread_metadata: { archived: boolean; locked: boolean };
}

/** A message as the stand-in holds it (GET /__local/channels/:id/messages). */
export interface StandInMessage {
  id: string;
  author: { id: string; username: string; global_name?: string | null };
  webhook_id?: string;
  content: string;
  embeds: { title?: string }[];
  components: { components: { custom_id?: string }[] }[];
}

/** A person types `content` (and attaches files named `attachments`) in a channel or thread. */
export async function postAsPerson(
  discordUrl: string,
  channelId: string,
  author: { userId: string; roles?: readonly string[] },
  content: string,
  attachments: readonly string[] = [],
): Promise<StandInMessage> {
  const res = await fetch(`${discordUrl}/__local/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      channel_id: channelId,
      author_id: author.userId,
      content,
      roles: author.roles ?? [],
      attachments,
    }),
  });
  const body = (await res.json()) as StandInMessage & { message?: string };
  if (!res.ok) throw new Error(`the Discord stand-in refused the message: ${body.message ?? res.status}`);
  return body;
}

export async function threadState(discordUrl: string, threadId: string): Promise<ThreadState> {
  const res = await fetch(`${discordUrl}/__local/threads/${threadId}`);
  if (!res.ok) throw new Error(`no thread ${threadId} on the Discord stand-in`);
  return (await res.json()) as ThreadState;
}

export async function threadMessages(discordUrl: string, threadId: string): Promise<StandInMessage[]> {
  return (await (
    await fetch(`${discordUrl}/__local/channels/${threadId}/messages`)
  ).json()) as StandInMessage[];
}

export async function say(
  discordUrl: string,
  channelId: string,
  content: string,
  author: { userId: string; staff: boolean },
): Promise<string> {
  const roles = author.staff ? [LOCAL_STAFF_ROLE_ID] : [];
  const message = await postAsPerson(discordUrl, channelId, { userId: author.userId, roles }, content);
  return `Posted message ${message.id} in ${channelId} as ${author.userId}${author.staff ? " (staff)" : ""}.`;
}

export async function describeThread(discordUrl: string, threadId: string): Promise<string> {
  const thread = await threadState(discordUrl, threadId);
  const messages = await threadMessages(discordUrl, threadId);
  const { archived, locked } = thread.thread_metadata;
  const lines = [
    `Thread ${threadId} "${thread.name}"  archived: ${archived}  locked: ${locked}`,
    `Members: ${thread.members.join(", ")}`,
  ];
  for (const m of messages) {
    const who = `${m.author.global_name ?? m.author.username}${m.webhook_id ? " (webhook)" : ""}`;
    const text = m.content || m.embeds.map((e) => `┃ ${e.title ?? ""}`).join(" ");
    lines.push(`  ${m.id}  ${who}: ${text}`);
  }
  return lines.join("\n");
}
