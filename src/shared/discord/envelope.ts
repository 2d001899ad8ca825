/**
 * The interaction envelope, checked once at the boundary: a signed body only reaches the router if
 * it has the shape every handler relies on (ids, token, the acting user, the data of its type).
 * Pure: no I/O, so it is tested without a runtime.
 */
import { ApplicationCommandOptionType, InteractionType } from "discord-api-types/payloads/v10";
import type { APIInteraction } from "discord-api-types/v10";
import * as v from "valibot";

/** Discord ids are unsigned 64-bit integers sent as decimal strings. */
const snowflake = v.pipe(v.string(), v.regex(/^\d{1,20}$/));
/** Goes into REST paths (`/webhooks/{application}/{token}`), so nothing that could change a path. */
const token = v.pipe(v.string(), v.regex(/^[^\s/?#%\\]{1,1000}$/));
const shortText = (max: number) => v.pipe(v.string(), v.maxLength(max));
const integer = v.pipe(v.number(), v.integer());

const user = v.looseObject({ id: snowflake, username: shortText(100) });

const member = v.looseObject({
  user,
  roles: v.array(snowflake),
  // A bit set as a decimal string; `BigInt()` reads it.
  permissions: v.pipe(v.string(), v.regex(/^\d{1,40}$/)),
});

/** What every interaction carries, whatever its type; enough to answer an unknown type in the right language. */
const base = v.looseObject({
  id: snowflake,
  application_id: snowflake,
  type: integer,
  token,
  locale: v.optional(shortText(16)),
  guild_locale: v.optional(shortText(16)),
});

/** Everything but PING is done by someone: a member (in a server) or a user (in DMs). */
const acted = v.looseObject({
  ...base.entries,
  guild_id: v.optional(snowflake),
  channel_id: v.optional(snowflake),
  channel: v.optional(v.looseObject({ id: snowflake })),
  member: v.optional(member),
  user: v.optional(user),
});

// Command options nest at most group → subcommand → value; spelling out the three levels keeps
// validation free of recursion, however deep a crafted body is.
const leafOption = v.looseObject({
  name: shortText(32),
  type: integer,
  value: v.optional(v.union([shortText(6000), v.pipe(v.number(), v.finite()), v.boolean()])),
  focused: v.optional(v.boolean()),
  // Nothing nests below a value: deeper `options` are refused rather than carried along.
  options: v.optional(v.never()),
});
const subcommandOption = v.looseObject({ ...leafOption.entries, options: v.optional(v.array(leafOption)) });
const topOption = v.pipe(
  v.looseObject({ ...leafOption.entries, options: v.optional(v.array(subcommandOption)) }),
  v.check(
    (option) => option.type !== ApplicationCommandOptionType.SubcommandGroup || option.options !== undefined,
    "a subcommand group's options",
  ),
);

const commandData = v.looseObject({
  name: shortText(32),
  type: integer,
  options: v.optional(v.array(topOption)),
});

const customId = shortText(100);

const componentData = v.looseObject({ custom_id: customId, component_type: integer });

/** A form field as submitted: a text input's value or a select's values. */
const submittedField = v.looseObject({
  type: integer,
  custom_id: v.optional(customId),
  value: v.optional(v.string()),
  values: v.optional(v.array(v.string())),
});
const modalData = v.looseObject({
  custom_id: customId,
  components: v.array(
    v.looseObject({
      type: integer,
      // Action rows hold fields in `components`, labels hold one in `component`.
      components: v.optional(v.array(submittedField)),
      component: v.optional(submittedField),
    }),
  ),
});

/** The message a button sits on; handlers may read its first embed back. */
const message = v.looseObject({
  id: snowflake,
  embeds: v.optional(v.array(v.looseObject({ description: v.optional(v.string()) }))),
});

/** An interaction of one type: the shared fields, its own, and someone who acted. */
const actedWith = (entries: v.ObjectEntries) =>
  v.pipe(
    v.looseObject({ ...acted.entries, ...entries }),
    v.check(
      (interaction) => interaction.member !== undefined || interaction.user !== undefined,
      "member or user",
    ),
  );

const byType: Partial<Record<number, v.GenericSchema>> = {
  [InteractionType.ApplicationCommand]: actedWith({ data: commandData }),
  [InteractionType.ApplicationCommandAutocomplete]: actedWith({ data: commandData }),
  [InteractionType.MessageComponent]: actedWith({ data: componentData, message: v.optional(message) }),
  [InteractionType.ModalSubmit]: actedWith({ data: modalData, message: v.optional(message) }),
};

/** What a request body is, each kind answered its own way (not a Result: a PING is no failure). */
export type ParsedInteraction =
  | { kind: "ping" }
  /** A type this app does not know (Discord added one, or someone is probing): answered, never routed. */
  | { kind: "unknown_type"; locale: string | undefined }
  | { kind: "interaction"; interaction: Exclude<APIInteraction, { type: InteractionType.Ping }> }
  /** Not an interaction; `field` is the first part that is wrong, for the 400's message. */
  | { kind: "invalid"; field: string };

function firstIssuePath(issues: readonly v.BaseIssue<unknown>[]): string {
  const [issue] = issues;
  if (!issue) return "body";
  // A whole-object check (member or user) has no path; its message names what is missing.
  return v.getDotPath(issue) ?? (issue.type === "check" ? issue.message : "body");
}

/** Sorts a parsed JSON value into PING, a well-formed interaction, an unknown type, or not an interaction. */
export function parseInteraction(body: unknown): ParsedInteraction {
  // A type this app handles is checked in one pass: its schema starts with the envelope's fields, in
  // the same order, so a body wrong in both is named by the same first field as the envelope would.
  const schema = byType[declaredType(body) ?? Number.NaN];
  if (schema) {
    const checked = v.safeParse(schema, body);
    if (!checked.success) return { kind: "invalid", field: firstIssuePath(checked.issues) };
    // The schema guarantees the fields the router and handlers read; the rest passes through as Discord sent it.
    return {
      kind: "interaction",
      interaction: checked.output as unknown as Exclude<APIInteraction, { type: InteractionType.Ping }>,
    };
  }
  const envelope = v.safeParse(base, body);
  if (!envelope.success) return { kind: "invalid", field: firstIssuePath(envelope.issues) };
  const { type, locale, guild_locale } = envelope.output;
  return type === InteractionType.Ping
    ? { kind: "ping" }
    : { kind: "unknown_type", locale: locale ?? guild_locale };
}

/** The `type` a body says it is, read before any check (the schema then checks it). */
function declaredType(body: unknown): number | undefined {
  if (typeof body !== "object" || body === null || !("type" in body)) return undefined;
  return typeof body.type === "number" ? body.type : undefined;
}
