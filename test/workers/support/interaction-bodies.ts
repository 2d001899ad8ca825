/**
 * The bodies the interaction-boundary tests send both Workers, correctly signed: those refused with a
 * JSON error (wrong shapes, oversized, nested too deep) and those answered with a localized message.
 */

import { buttonInteraction, commandInteraction } from "../../../scripts/lib/interaction-builder";
import { LOCAL_MEMBER_ID } from "../../../scripts/lib/local-identities";

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export type Json = Record<string, unknown>;

/** A well-formed command as the given locale would send it; the tests then break one part of it. */
export const command = (locale: string, name = "no-such-command"): Json =>
  JSON.parse(JSON.stringify(commandInteraction({ userId: LOCAL_MEMBER_ID, locale }, { name, options: [] })));

export const button = (): Json =>
  JSON.parse(JSON.stringify(buttonInteraction({ userId: LOCAL_MEMBER_ID }, "no-such-button:1")));

export const without = (object: Json, ...keys: string[]): Json =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

export const withData = (object: Json, data: Json): Json => ({
  ...object,
  data: { ...(object["data"] as Json), ...data },
});

/** `[[[…]]]` nested deeper than any parser's recursion should be trusted with. */
export const deeplyNested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

export interface Refused {
  status: 400 | 413;
  code: string;
}

export const refusedBodies: [name: string, body: () => string, expected: Refused][] = [
  ["an empty object", () => "{}", { status: 400, code: "invalid_interaction" }],
  ["an empty array", () => "[]", { status: 400, code: "invalid_interaction" }],
  ["null", () => "null", { status: 400, code: "invalid_interaction" }],
  ["a number", () => "42", { status: 400, code: "invalid_interaction" }],
  ["a string", () => '"x"', { status: 400, code: "invalid_interaction" }],
  ["an empty body", () => "", { status: 400, code: "invalid_json" }],
  ["broken JSON", () => '{"type":2,', { status: 400, code: "invalid_json" }],
  ["a raw NUL byte (invalid JSON)", () => '{"type":1,"id":"1\u0000"}', { status: 400, code: "invalid_json" }],
  ["a bare PING without id or token", () => '{"type":1}', { status: 400, code: "invalid_interaction" }],
  [
    "a command without member or user",
    () => JSON.stringify(without(command("en-US"), "member", "user")),
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "a command without data",
    () => JSON.stringify(without(command("en-US"), "data")),
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "a button without custom_id",
    () => JSON.stringify({ ...button(), data: { component_type: 2 } }),
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "a modal submit without components",
    () => JSON.stringify({ ...button(), type: 5, data: { custom_id: "form:1" } }),
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "a numeric id",
    () => JSON.stringify({ ...command("en-US"), id: 1234 }),
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "a type given as a string",
    () => JSON.stringify({ ...command("en-US"), type: "2" }),
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "a command name that is a number",
    () => JSON.stringify(withData(command("en-US"), { name: 7 })),
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "options that are not a list",
    () => JSON.stringify(withData(command("en-US"), { options: { name: "x" } })),
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "an option value that is an object",
    () => JSON.stringify(withData(command("en-US"), { options: [{ name: "x", type: 3, value: {} }] })),
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "member roles that are not a list",
    () => {
      const body = command("en-US");
      return JSON.stringify({ ...body, member: { ...(body["member"] as Json), roles: "admin" } });
    },
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "member permissions that are not a number",
    () => {
      const body = command("en-US");
      return JSON.stringify({ ...body, member: { ...(body["member"] as Json), permissions: "all" } });
    },
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "a locale that is a number",
    () => JSON.stringify({ ...command("en-US"), locale: 5 }),
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "a token that would change a REST path",
    () => JSON.stringify({ ...command("en-US"), token: "../../channels/1/messages" }),
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "a custom_id over Discord's 100 characters",
    () => JSON.stringify(withData(button(), { custom_id: "x".repeat(101) })),
    { status: 400, code: "invalid_interaction" },
  ],
  ["JSON nested 100 000 deep", () => deeplyNested(100_000), { status: 400, code: "invalid_interaction" }],
  [
    "options nested 3 000 deep",
    () => {
      let options: unknown[] = [];
      for (let i = 0; i < 3_000; i++) options = [{ name: "g", type: 2, options }];
      return JSON.stringify(withData(command("en-US"), { options }));
    },
    { status: 400, code: "invalid_interaction" },
  ],
  [
    "a 1 MB body",
    () => JSON.stringify(withData(command("en-US"), { padding: "x".repeat(1024 * 1024) })),
    { status: 413, code: "body_too_large" },
  ],
];

export interface Answered {
  name: string;
  body: (locale: string) => string;
  en: string;
  fr: string;
}

export const answeredBodies: Answered[] = [
  {
    name: "an unknown interaction type (99)",
    body: (locale) => JSON.stringify({ ...command(locale), type: 99 }),
    en: "I can't handle this kind of interaction.",
    fr: "Je ne sais pas traiter ce type d'interaction.",
  },
  {
    name: "an unknown command",
    body: (locale) => JSON.stringify(command(locale)),
    en: "I don't know this command. It may have been removed: try again in a minute.",
    fr: "Je ne connais pas cette commande. Elle a peut-être été retirée : réessayez dans une minute.",
  },
  {
    name: "an unknown button",
    body: (locale) => JSON.stringify({ ...button(), locale }),
    en: "This button or form has expired. Run the command again.",
    fr: "Ce bouton ou ce formulaire a expiré. Relancez la commande.",
  },
  {
    name: "a NUL character in an option value",
    body: (locale) =>
      JSON.stringify(
        withData(command(locale), { options: [{ name: "text", type: 3, value: "Nitro\u0000" }] }),
      ),
    en: "Your input contains a character that cannot be stored (U+0000). Remove it and try again.",
    fr: "Votre saisie contient un caractère qui ne peut pas être enregistré (U+0000). Retirez-le et réessayez.",
  },
  {
    name: "an unpaired surrogate in an option value (Postgres json refuses it)",
    body: (locale) =>
      JSON.stringify(withData(command(locale), { options: [{ name: "text", type: 3, value: "a\udc00" }] })),
    en: "Your input contains a character that cannot be stored (U+DC00). Remove it and try again.",
    fr: "Votre saisie contient un caractère qui ne peut pas être enregistré (U+DC00). Retirez-le et réessayez.",
  },
  {
    name: "an unknown command carrying JSON nested 100 000 deep in a field nobody reads",
    body: (locale) => {
      const body = JSON.stringify(command(locale));
      return `${body.slice(0, -1)},"extra":${deeplyNested(100_000)}}`;
    },
    en: "I don't know this command. It may have been removed: try again in a minute.",
    fr: "Je ne connais pas cette commande. Elle a peut-être été retirée : réessayez dans une minute.",
  },
];
