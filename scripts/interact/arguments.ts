/** The command line of `npm run interact`: its usage text and its parsed options. */

import { parseArgs } from "node:util";

export const USAGE = `Usage: npm run interact -- <shellia|maxis> "<slash command>" [options]
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

export function parseCommandArguments() {
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

export type InteractOptions = ReturnType<typeof parseCommandArguments>["values"];

export function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}
