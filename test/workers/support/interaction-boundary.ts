/**
 * The interaction boundary, attacked the same way on both Workers: correctly signed bodies of every
 * wrong shape, stale and future timestamps, and exact replays of a signed request. Each Worker's test
 * file runs `describeInteractionBoundary` against its own `/interactions`.
 */
import type { APIInteractionResponse } from "discord-api-types/v10";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { discordSignatureHeaders } from "../../../scripts/lib/ed25519";
import {
  buttonInteraction,
  commandInteraction,
  pingInteraction,
} from "../../../scripts/lib/interaction-builder";
import { LOCAL_MEMBER_ID } from "../../../scripts/lib/local-identities";

/** A request exactly as Discord sent it: sending it twice sends the same bytes and headers. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

export async function signRequest(body: string, timestamp?: string): Promise<SignedRequest> {
  const headers = await discordSignatureHeaders(inject("discordPrivateKey"), body, timestamp);
  return { body, headers: { "Content-Type": "application/json", ...headers } };
}

export async function deliver(worker: Fetcher, request: SignedRequest): Promise<Response> {
  return worker.fetch("https://worker.test/interactions", {
    method: "POST",
    headers: request.headers,
    body: request.body,
  });
}

/** Delivers and reads the interaction response, failing the test on anything but 200. */
export async function deliverOk(worker: Fetcher, request: SignedRequest): Promise<APIInteractionResponse> {
  const res = await deliver(worker, request);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as APIInteractionResponse;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

type Json = Record<string, unknown>;

/** A well-formed command as the given locale would send it; the tests then break one part of it. */
const command = (locale: string, name = "no-such-command"): Json =>
  JSON.parse(JSON.stringify(commandInteraction({ userId: LOCAL_MEMBER_ID, locale }, { name, options: [] })));

const button = (): Json =>
  JSON.parse(JSON.stringify(buttonInteraction({ userId: LOCAL_MEMBER_ID }, "no-such-button:1")));

const without = (object: Json, ...keys: string[]): Json =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

const withData = (object: Json, data: Json): Json => ({
  ...object,
  data: { ...(object["data"] as Json), ...data },
});

/** `[[[…]]]` nested deeper than any parser's recursion should be trusted with. */
const deeplyNested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

interface Refused {
  status: 400 | 413;
  code: string;
}

const refusedBodies: [name: string, body: () => string, expected: Refused][] = [
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

interface Answered {
  name: string;
  body: (locale: string) => string;
  en: string;
  fr: string;
}

const answeredBodies: Answered[] = [
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

/** The malformed-body table and the timestamp window, against one Worker. */
export function describeInteractionBoundary(workerName: string, worker: () => Fetcher) {
  // The first request loads the Worker's module graph into the test runner, seconds on a busy
  // machine; loading it here keeps that out of the first test's 5-second budget.
  beforeAll(() => worker().fetch("https://worker.test/health"), 60_000);

  describe(`${workerName} /interactions: correctly signed bodies that are not interactions`, () => {
    it.each(refusedBodies)("refuses %s with a JSON error, never a 5xx", async (_name, body, expected) => {
      const res = await deliver(worker(), await signRequest(body()));
      expect(res.status).toBe(expected.status);
      const answer = (await res.json()) as { error?: { code?: string; message?: string } };
      expect(answer.error?.code).toBe(expected.code);
      expect(answer.error?.message).toEqual(expect.any(String));
      expect(JSON.stringify(answer)).not.toMatch(/\bat \w+ \(|Error:/);
    });

    it("names the wrong field, in the reader's language", async () => {
      const body = JSON.stringify(without(command("en-US"), "member", "user"));
      const request = await signRequest(body);
      const en = await deliver(worker(), request);
      expect(await en.json()).toEqual({
        error: {
          code: "invalid_interaction",
          message: "The body is not a Discord interaction: member or user is missing or invalid.",
        },
      });
      const custom = await signRequest(JSON.stringify(withData(button(), { custom_id: 5 })));
      const fr = await deliver(worker(), {
        ...custom,
        headers: { ...custom.headers, "Accept-Language": "fr-FR,fr;q=0.9" },
      });
      expect(await fr.json()).toEqual({
        error: {
          code: "invalid_interaction",
          message:
            "Le corps de la requête n'est pas une interaction Discord : data.custom_id manque ou est invalide.",
        },
      });
    });

    for (const { name, body, en, fr } of answeredBodies) {
      it(`answers ${name} privately, in English and in French`, async () => {
        for (const [locale, text] of [
          ["en-US", en],
          ["fr", fr],
        ] as const) {
          const response = await deliverOk(worker(), await signRequest(body(locale)));
          expect(response).toEqual({
            type: 4,
            data: { content: text, allowed_mentions: { parse: [] }, flags: 64 },
          });
        }
      });
    }
  });

  describe(`${workerName} /interactions: the timestamp window`, () => {
    const ping = () => JSON.stringify(pingInteraction());

    it.each([
      ["from the year 2000", () => "946684800"],
      ["an hour old", () => String(nowSeconds() - 3600)],
      ["six minutes old", () => String(nowSeconds() - 360)],
      ["an hour in the future", () => String(nowSeconds() + 3600)],
    ])("refuses a correctly signed request %s with 401", async (_name, timestamp) => {
      for (const body of [ping(), JSON.stringify(command("en-US"))]) {
        const res = await deliver(worker(), await signRequest(body, timestamp()));
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({
          error: {
            code: "stale_timestamp",
            message: "X-Signature-Timestamp is more than 5 minutes away from this server's clock.",
          },
        });
      }
    });

    it("refuses a signed timestamp that is not Unix seconds", async () => {
      const res = await deliver(worker(), await signRequest(ping(), "2026-11-30T10:00:00Z"));
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: "stale_timestamp" } });
    });

    it("accepts a request signed four minutes ago or ahead (clock skew, slow delivery)", async () => {
      for (const offset of [-240, 240]) {
        const res = await deliver(worker(), await signRequest(ping(), String(nowSeconds() + offset)));
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ type: 1 });
      }
    });
  });
}
