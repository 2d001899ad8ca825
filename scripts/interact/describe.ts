/** How `npm run interact` prints an interaction's answer and what the Worker sent to Discord (pure). */

import {
  type APIActionRowComponent,
  type APIInteractionResponse,
  type APIMessageTopLevelComponent,
  InteractionResponseType,
} from "discord-api-types/v10";
import type { RecordedRequest } from "../local-discord/server";

function describeComponents(
  components: readonly (APIActionRowComponent<never> | APIMessageTopLevelComponent)[] = [],
) {
  const lines: string[] = [];
  for (const row of components) {
    if (!("components" in row)) continue;
    for (const component of row.components as {
      type?: number;
      label?: string;
      placeholder?: string;
      custom_id?: string;
      url?: string;
      sku_id?: string;
      disabled?: boolean;
      options?: { label: string; value: string; default?: boolean }[];
      default_values?: { id: string; type: string }[];
    }[]) {
      // Select menus (string 3, user 5, role 6, mentionable 7, channel 8): what they offer and hold now.
      if (
        component.type !== undefined &&
        component.type >= 3 &&
        component.type <= 8 &&
        component.type !== 4
      ) {
        const held = component.options
          ? component.options.map((o) => `${o.default ? "●" : "○"} ${o.label} (${o.value})`).join("  ")
          : (component.default_values ?? [])
              .map((d) => (d.type === "role" ? `<@&${d.id}>` : `<#${d.id}>`))
              .join(" ") || "(none)";
        lines.push(
          `  [${component.placeholder ?? "menu"}] ${held}  --select "${component.custom_id}" --values …`,
        );
        continue;
      }
      if (component.sku_id) {
        lines.push(`  [Discord premium button]  SKU ${component.sku_id}`);
        continue;
      }
      const target = component.custom_id ? `--button "${component.custom_id}"` : (component.url ?? "");
      lines.push(`  [${component.label ?? "…"}]${component.disabled ? " (disabled)" : ""}  ${target}`);
    }
  }
  return lines;
}

export interface PrintableMessage {
  content?: string | undefined;
  embeds?:
    | {
        title?: string | undefined;
        description?: string | undefined;
        fields?: { name: string; value: string }[] | undefined;
        footer?: { text: string } | undefined;
      }[]
    | undefined;
  components?: APIMessageTopLevelComponent[] | undefined;
  flags?: number | undefined;
}

export function describeMessage(message: PrintableMessage): string {
  const parts: string[] = [];
  if (message.flags && (message.flags & 64) !== 0) parts.push("(only you can see this)");
  if (message.content) parts.push(message.content);
  for (const embed of message.embeds ?? []) {
    if (embed.title) parts.push(`┃ ${embed.title}`);
    if (embed.description) parts.push(...embed.description.split("\n").map((line) => `┃ ${line}`));
    for (const field of embed.fields ?? []) {
      parts.push(`┃ ${field.name}: ${field.value.split("\n").join("\n┃   ")}`);
    }
    if (embed.footer?.text) parts.push(`┃ ${embed.footer.text}`);
  }
  parts.push(...describeComponents(message.components));
  return parts.join("\n");
}

export function describeResponse(response: APIInteractionResponse, worker: string): string {
  switch (response.type) {
    case InteractionResponseType.Pong:
      return "PONG";
    case InteractionResponseType.ChannelMessageWithSource:
    case InteractionResponseType.UpdateMessage:
      return describeMessage(response.data ?? {});
    case InteractionResponseType.DeferredChannelMessageWithSource:
    case InteractionResponseType.DeferredMessageUpdate:
      return "(thinking…)";
    case InteractionResponseType.ApplicationCommandAutocompleteResult:
      return (
        (response.data.choices ?? []).map((c) => `  ${c.name}  →  ${c.value}`).join("\n") ||
        "(no suggestions)"
      );
    case InteractionResponseType.Modal:
      return [
        `Form "${response.data.title}" (custom_id ${response.data.custom_id}); submit it with:`,
        `  npm run interact -- ${worker} --modal "${response.data.custom_id}" ${
          JSON.stringify(response.data.components)
            .match(/"custom_id":"[^"]+"/g)
            ?.map((m) => `--field ${m.slice(13, -1)}=…`)
            .join(" ") ?? ""
        }`,
      ].join("\n");
    default:
      return JSON.stringify(response, null, 2);
  }
}

/** What the Worker sent as the bot (not through the interaction's webhook), with where it went. */
export function describeBotRequest(
  request: RecordedRequest,
  dmRecipient: string | undefined,
  staffChannelId: string | undefined,
): string {
  const body = (request.body ?? {}) as PrintableMessage & { recipient_id?: string };
  if (request.path === "/users/@me/channels") return `── opens a DM with ${body.recipient_id} ──`;
  const channel = /^\/channels\/(\d+)\/messages/.exec(request.path)?.[1];
  const where =
    channel && channel === staffChannelId
      ? "in the staff channel"
      : dmRecipient
        ? `as a DM to ${dmRecipient}`
        : `to ${request.path}`;
  return `── ${request.method === "PATCH" ? "edited" : "sent"} ${where} ──\n${describeMessage(body)}`;
}
