/**
 * English messages: the source catalogue. Every user-facing string of both Workers lives here and in
 * `fr.ts`; placeholders are written `{name}` and filled by `translate`.
 */
export const en = {
  "error.unknown_command": "I don't know this command. It may have been removed: try again in a minute.",
  "error.unknown_component": "This button or form has expired. Run the command again.",
  "error.internal": "Something went wrong on our side. Please try again in a moment.",
  "error.guild_only": "This command only works inside a server.",
  "error.not_operator": "Only Shellia's operators can run this command.",

  "command.ping.description": "Check that Maxis and its database answer",
  "ping.ok": "Pong! The database answered in {ms} ms (signed in as {appRole}).",
  "ping.database_down": "Pong, but the database did not answer: {reason}",

  "command.maxis.description": "Steer the Maxis bots",
  "command.maxis.status.description": "Show whether a Maxis bot is up",
  "command.maxis.option.target.description": "Which Maxis bot (default: all)",
  "maxis.status.up": "**{target}** is up (version {version}, answered in {ms} ms).",
  "maxis.status.down": "**{target}** did not answer properly (HTTP {status}).",
  "maxis.status.unreachable": "**{target}** is unreachable: {reason}",
  "maxis.unknown_target": "There is no Maxis bot named **{target}**. Known bots: {targets}.",
} as const;

export type MessageKey = keyof typeof en;
