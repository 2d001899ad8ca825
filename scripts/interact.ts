/**
 * npm run interact -- <shellia|maxis> "<slash command line>" [--user ID] [--staff] [--admin] [--locale fr] [--json]
 * npm run interact -- <shellia|maxis> --ping
 * npm run interact -- maxis --button "<custom_id>"
 * npm run interact -- maxis --select "<custom_id>" --values ID,ID
 * npm run interact -- maxis --modal "<custom_id>" --field subject=Hello --field "description=It fails"
 * npm run interact -- maxis "/ticket view ticket:4" --autocomplete ticket
 * npm run interact -- maxis "/ticket transcript ticket:4" --files
 * npm run interact -- stripe pay <checkout session id>   (and renew|fail|cancel|refund|dispute <sub id>, forge)
 *
 * Signs an interaction with the local development key (as Discord would), sends it to the running
 * Worker, prints the response and then what the Worker sends to the local Discord API because of it:
 * follow-ups and edits of the answer (with --files, the attached files' text), and messages sent as
 * the bot (the staff channel, DMs).
 */

import { parseArgs } from "node:util";
import {
  type APIActionRowComponent,
  type APIInteraction,
  type APIInteractionResponse,
  type APIMessageTopLevelComponent,
  InteractionResponseType,
} from "discord-api-types/v10";
import { isWorkerName, loadCommandDefinitions } from "./lib/commands";
import { readDevVars } from "./lib/dev-vars";
import { discordSignatureHeaders } from "./lib/ed25519";
import {
  type Actor,
  buttonInteraction,
  CommandLineError,
  commandInteraction,
  modalSubmitInteraction,
  parseCommandLine,
  pingInteraction,
  selectInteraction,
} from "./lib/interaction-builder";
import { LOCAL_ADMIN_ID, LOCAL_MEMBER_ID, LOCAL_STAFF_ID, LOCAL_STAFF_ROLE_ID } from "./lib/local-identities";
import { localPorts } from "./lib/local-ports";
import { describeThread, say } from "./lib/say";
import { runStripeCommand } from "./lib/stripe-cli";
import type { RecordedRequest } from "./local-discord/server";

const USAGE = `Usage: npm run interact -- <shellia|maxis> "<slash command>" [options]
       npm run interact -- say <channel or thread id> "text" [--user ID] [--staff]
       npm run interact -- thread <thread id>
       npm run interact -- permissions '{"channel_id":"…","overwrites":[…]}' | '{"guild_id":"…","roles":[…],"bot_roles":[…]}'
       npm run interact -- channel '{"id":"…","guild_id":"…","type":0,"name":"…"}'
       npm run interact -- <shellia|maxis> --ping
       npm run interact -- <shellia|maxis> --button CUSTOM_ID [options]
       npm run interact -- <shellia|maxis> --select CUSTOM_ID --values V,V [options]
       npm run interact -- <shellia|maxis> --modal CUSTOM_ID --field key=value [--field key=value …] [options]
       npm run interact -- stripe pay <checkout session id> [--times N] [--reorder]
       npm run interact -- stripe <renew|fail|cancel|refund|dispute> <subscription id> | forge
       npm run interact -- stripe <refund|dispute> <payment intent id>   (a lifetime plan, paid once)

Signs an interaction with the local development key, sends it to the running Worker (npm run dev),
prints the answer and what the Worker then sends to Discord (follow-ups, staff posts, DMs).

Options:
  --ping                 send a PING (the Worker answers PONG when the signature is good)
  --button CUSTOM_ID     click a button (custom_id as printed under a message)
  --select CUSTOM_ID     choose in a select menu (role, channel or option menu, as printed)
  --values V,V           what is chosen, with --select (role or channel ids, option values; empty: none)
  --modal CUSTOM_ID      submit a form, with one --field key=value per text input
  --field key=value      a form field, with --modal (repeatable)
  --autocomplete OPTION  ask for the suggestions of OPTION while typing the command
  --user ID              act as another member (default: the local member)
  --staff                act as a member with the staff role
  --admin                act as a server administrator on the operator allow-list
  --guild ID             act in another server (default: the local server)
  --roles ID,ID          the member's Discord role ids there (replaces --staff's role)
  --locale LOCALE        the client's language, e.g. fr or en-US (default: en-US)
  --json                 print the raw JSON answer
  --files                print the text of attached files (transcripts, reports)
  --url URL              the Worker's address (default: from SHELLIA_PORT / MAXIS_PORT)
  --wait SECONDS         how long to wait for what the Worker sends to Discord (default: 10)
  -h, --help             this help

Exits 1 when the Worker answers with an HTTP error, 2 on a usage error.`;

// Piped into `head` or a pager that quits early: stop quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

function parseCommandArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        ping: { type: "boolean", default: false },
        button: { type: "string" },
        select: { type: "string" },
        values: { type: "string", default: "" },
        modal: { type: "string" },
        field: { type: "string", multiple: true, default: [] },
        autocomplete: { type: "string" },
        user: { type: "string" },
        staff: { type: "boolean", default: false },
        admin: { type: "boolean", default: false },
        guild: { type: "string" },
        roles: { type: "string" },
        locale: { type: "string", default: "en-US" },
        json: { type: "boolean", default: false },
        files: { type: "boolean", default: false },
        url: { type: "string" },
        wait: { type: "string", default: "10" },
        times: { type: "string" },
        reorder: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    // Node's parser names the bad option; the usage says what the good ones are.
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

const { values, positionals } = parseCommandArguments();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

if (positionals[0] === "stripe") {
  process.exit(
    await runStripeCommand(positionals.slice(1), { times: values.times, reorder: values.reorder }),
  );
}

// `say` and `thread` talk to the Discord stand-in only.
const ports = localPorts();
const discordApi = (
  readDevVars()["DISCORD_API_BASE"] ?? `http://127.0.0.1:${ports.discordApi}/api/v10`
).replace(/\/api\/v10$/, "");

/**
 * `permissions <json>` and `channel <json>`: what the Discord stand-in says about a server's roles,
 * Maxis's roles, a channel's overwrites (scripts/local-discord/permissions.ts), or a new channel.
 */
async function standInSetting(command: "permissions" | "channel"): Promise<never> {
  const json = positionals[1];
  if (!json) fail(USAGE);
  const res = await fetch(`${discordApi}/__local/${command === "channel" ? "channels" : "permissions"}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: json,
  }).catch((error: Error) => fail(`Cannot reach the Discord stand-in (${error.message}).`, 1));
  if (!res.ok) fail(`The Discord stand-in refused it: HTTP ${res.status} ${await res.text()}`, 1);
  console.log("The Discord stand-in now says so.");
  process.exit(0);
}

/** `say <channel> "text"` and `thread <thread id>`, against the Discord stand-in; exits when done. */
async function standInCommand(command: "say" | "thread"): Promise<never> {
  const [, target, text] = positionals;
  if (!target || (command === "say" && text === undefined)) fail(USAGE);
  try {
    if (command === "say") {
      const userId = values.user ?? (values.staff ? LOCAL_STAFF_ID : LOCAL_MEMBER_ID);
      console.log(await say(discordApi, target, text ?? "", { userId, staff: values.staff }));
    } else {
      console.log(await describeThread(discordApi, target));
    }
  } catch (error) {
    fail((error as Error).message, 1);
  }
  process.exit(0);
}

const [worker, commandLine] = positionals;
const devVars = readDevVars();
if (worker === "say" || worker === "thread") await standInCommand(worker);
if (worker === "permissions" || worker === "channel") await standInSetting(worker);
if (!isWorkerName(worker)) fail(USAGE);

const privateKey = process.env["DEV_DISCORD_PRIVATE_KEY"] ?? devVars["DEV_DISCORD_PRIVATE_KEY"];
if (!privateKey)
  fail("No DEV_DISCORD_PRIVATE_KEY in .dev.vars: run `npm run dev` once to generate the local key pair.");

const workerUrl = values.url ?? `http://127.0.0.1:${worker === "shellia" ? ports.shellia : ports.maxis}`;

const snowflakes = (text: string, what: string) => {
  const ids = text
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
  if (!ids.every((id) => /^\d{17,20}$/.test(id))) fail(`${what} takes Discord ids (17 to 20 digits).`);
  return ids;
};
if (values.guild !== undefined) snowflakes(values.guild, "--guild");
const actor: Actor = {
  userId: values.user ?? (values.admin ? LOCAL_ADMIN_ID : values.staff ? LOCAL_STAFF_ID : LOCAL_MEMBER_ID),
  roles:
    values.roles !== undefined
      ? snowflakes(values.roles, "--roles")
      : values.staff
        ? [LOCAL_STAFF_ROLE_ID]
        : [],
  administrator: values.admin,
  locale: values.locale,
  ...(values.guild !== undefined ? { guildId: values.guild } : {}),
};

async function buildInteraction(): Promise<APIInteraction> {
  if (values.ping) return pingInteraction();
  if (values.button) return buttonInteraction(actor, values.button);
  if (values.select) {
    const chosen = values.values
      .split(",")
      .map((value) => value.trim())
      .filter(Boolean);
    return selectInteraction(actor, values.select, chosen);
  }
  if (values.modal) {
    const fields = Object.fromEntries(
      values.field.map((pair) => {
        const at = pair.indexOf("=");
        if (at < 1) fail(`--field takes key=value, not "${pair}"`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
    );
    return modalSubmitInteraction(actor, values.modal, fields);
  }
  if (!commandLine) fail(USAGE);
  const definitions = await loadCommandDefinitions(worker as "shellia" | "maxis");
  const parsed = parseCommandLine(commandLine, definitions, values.autocomplete);
  return commandInteraction(actor, parsed, values.autocomplete !== undefined);
}

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

interface PrintableMessage {
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

function describeMessage(message: PrintableMessage): string {
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

function describeResponse(response: APIInteractionResponse): string {
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

async function recordedRequests(query: string): Promise<RecordedRequest[] | null> {
  const res = await fetch(`${discordApi}/__local/requests${query}`).catch(() => null);
  return res?.ok ? ((await res.json()) as RecordedRequest[]) : null;
}

/** The stand-in's last request number before we send, so only what this interaction causes is shown. */
async function lastRecordedSeq(): Promise<number> {
  return (await recordedRequests(""))?.at(-1)?.seq ?? 0;
}

/**
 * Work after the response (follow-ups, edits, staff-channel posts, DMs) runs in the background:
 * collect what the Worker sends until it has been quiet a moment.
 */
async function collectRequests(since: number, waitSeconds: number): Promise<RecordedRequest[]> {
  const deadline = Date.now() + waitSeconds * 1000;
  let seen: RecordedRequest[] = [];
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const requests = await recordedRequests(`?since=${since}`);
    if (!requests) return seen;
    if (requests.length > seen.length) {
      seen = requests;
      quietSince = Date.now();
    } else if (seen.length > 0 && Date.now() - quietSince > 600) {
      break;
    }
  }
  return seen;
}

/** What the Worker sent as the bot (not through the interaction's webhook), with where it went. */
function describeBotRequest(request: RecordedRequest, dmRecipient: string | undefined): string {
  const body = (request.body ?? {}) as PrintableMessage & { recipient_id?: string };
  if (request.path === "/users/@me/channels") return `── opens a DM with ${body.recipient_id} ──`;
  const channel = /^\/channels\/(\d+)\/messages/.exec(request.path)?.[1];
  const where =
    channel && channel === devVars["TICKET_STAFF_CHANNEL_ID"]
      ? "in the staff channel"
      : dmRecipient
        ? `as a DM to ${dmRecipient}`
        : `to ${request.path}`;
  return `── ${request.method === "PATCH" ? "edited" : "sent"} ${where} ──\n${describeMessage(body)}`;
}

let interaction: APIInteraction;
try {
  interaction = await buildInteraction();
} catch (error) {
  if (error instanceof CommandLineError) fail(error.message);
  throw error;
}

const body = JSON.stringify(interaction);
const since = await lastRecordedSeq();
let res: Response;
try {
  res = await fetch(`${workerUrl}/interactions`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(await discordSignatureHeaders(privateKey, body)) },
    body,
  });
} catch (error) {
  fail(
    `Cannot reach ${worker} at ${workerUrl} (${(error as Error).message}). Is \`npm run dev\` running?`,
    1,
  );
}
const text = await res.text();
if (!res.ok) fail(`${worker} answered HTTP ${res.status}: ${text}`, 1);

const response = JSON.parse(text) as APIInteractionResponse;
const deferred =
  response.type === InteractionResponseType.DeferredChannelMessageWithSource ||
  response.type === InteractionResponseType.DeferredMessageUpdate;
const sent = await collectRequests(
  since,
  deferred
    ? Number(values.wait)
    : response.type === InteractionResponseType.ApplicationCommandAutocompleteResult
      ? 0
      : 1.5,
);
const followups = sent.filter((request) => request.path.includes(interaction.token));
// Reads (a channel Maxis checks, a list it suggests from) are not something the bot sent.
const asBot = sent.filter((request) => !request.path.includes(interaction.token) && request.method !== "GET");

if (values.json) {
  console.log(JSON.stringify(sent.length ? { response, followups, asBot } : response, null, 2));
} else {
  console.log(describeResponse(response));
  for (const request of followups) {
    const kind = request.method === "PATCH" ? "edited" : "follow-up";
    console.log(`\n── ${kind} ──\n${describeMessage(request.body as PrintableMessage)}`);
    for (const file of request.files) {
      console.log(`  📎 ${file.name} (${file.content.length} characters)`);
      if (values.files) console.log(file.content.replace(/^/gm, "  │ "));
    }
  }
  // DM channel id (as the stand-in answered the opening) → the member it reaches.
  const dmChannels = new Map<string, string>();
  for (const request of asBot) {
    const channel = /^\/channels\/(\d+)\//.exec(request.path)?.[1];
    console.log(`\n${describeBotRequest(request, channel ? dmChannels.get(channel) : undefined)}`);
    const opened = (request.response as { id?: string } | null | undefined)?.id;
    const recipient = (request.body as { recipient_id?: string } | null)?.recipient_id;
    if (request.path === "/users/@me/channels" && opened && recipient) dmChannels.set(opened, recipient);
  }
}
