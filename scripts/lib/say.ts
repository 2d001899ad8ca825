/**
 * `npm run interact -- say <channel id> "text" [--user ID] [--staff]`: types a message in a channel or
 * thread of the Discord stand-in as that person (POST /__local/messages), which dispatches it to
 * connected Gateway sessions as Discord would.
 * `npm run interact -- thread <thread id>`: prints a thread (archived, locked, members) and its messages.
 */
import { LOCAL_STAFF_ROLE_ID } from "./local-identities";

export async function say(
  discordUrl: string,
  channelId: string,
  content: string,
  author: { userId: string; staff: boolean },
): Promise<string> {
  const res = await fetch(`${discordUrl}/__local/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      channel_id: channelId,
      author_id: author.userId,
      content,
      roles: author.staff ? [LOCAL_STAFF_ROLE_ID] : [],
    }),
  });
  const body = (await res.json()) as { id?: string; message?: string };
  if (!res.ok) throw new Error(`the Discord stand-in refused the message: ${body.message ?? res.status}`);
  return `Posted message ${body.id} in ${channelId} as ${author.userId}${author.staff ? " (staff)" : ""}.`;
}

interface ThreadView {
  name: string;
  members: string[];
  thread_metadata: { archived: boolean; locked: boolean };
}
interface MessageView {
  id: string;
  author: { id: string; username: string };
  webhook_id?: string;
  content: string;
  embeds: { title?: string }[];
}

export async function describeThread(discordUrl: string, threadId: string): Promise<string> {
  const res = await fetch(`${discordUrl}/__local/threads/${threadId}`);
  if (!res.ok) throw new Error(`no thread ${threadId} on the Discord stand-in`);
  const thread = (await res.json()) as ThreadView;
  const messages = (await (
    await fetch(`${discordUrl}/__local/channels/${threadId}/messages`)
  ).json()) as MessageView[];
  const { archived, locked } = thread.thread_metadata;
  const lines = [
    `Thread ${threadId} "${thread.name}"  archived: ${archived}  locked: ${locked}`,
    `Members: ${thread.members.join(", ")}`,
  ];
  for (const m of messages) {
    const who = `${m.author.username}${m.webhook_id ? " (webhook)" : ""}`;
    const text = m.content || m.embeds.map((e) => `┃ ${e.title ?? ""}`).join(" ");
    lines.push(`  ${m.id}  ${who}: ${text}`);
  }
  return lines.join("\n");
}
