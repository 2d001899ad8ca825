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

import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
} from "discord-api-types/v10";
import { fail, parseCommandArguments, USAGE } from "./interact/arguments";
import {
  describeBotRequest,
  describeMessage,
  describeResponse,
  type PrintableMessage,
} from "./interact/describe";
import { collectRequests, lastRecordedSeq, standInCommand, standInSetting } from "./interact/stand-in";
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
import {
  LOCAL_ADMIN_ID,
  LOCAL_ADMIN_ROLE_ID,
  LOCAL_MEMBER_ID,
  LOCAL_STAFF_ID,
  LOCAL_STAFF_ROLE_ID,
} from "./lib/local-identities";
import { localPorts } from "./lib/local-ports";
import { runStripeCommand } from "./lib/stripe-cli";

// Piped into `head` or a pager that quits early: stop quietly, as Unix tools do.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

const { values, positionals } = parseCommandArguments();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
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

const [worker, commandLine] = positionals;
const devVars = readDevVars();
if (worker === "say" || worker === "thread")
  await standInCommand(discordApi, worker, positionals.slice(1), values);
if (worker === "permissions" || worker === "channel")
  await standInSetting(discordApi, worker, positionals[1]);
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
      : values.admin
        ? [LOCAL_ADMIN_ROLE_ID]
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

let interaction: APIInteraction;
try {
  interaction = await buildInteraction();
} catch (error) {
  if (error instanceof CommandLineError) fail(error.message);
  throw error;
}

const body = JSON.stringify(interaction);
const since = await lastRecordedSeq(discordApi);
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
  discordApi,
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
  console.log(describeResponse(response, worker));
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
    console.log(
      `\n${describeBotRequest(request, channel ? dmChannels.get(channel) : undefined, devVars["TICKET_STAFF_CHANNEL_ID"])}`,
    );
    const opened = (request.response as { id?: string } | null | undefined)?.id;
    const recipient = (request.body as { recipient_id?: string } | null)?.recipient_id;
    if (request.path === "/users/@me/channels" && opened && recipient) dmChannels.set(opened, recipient);
  }
}
