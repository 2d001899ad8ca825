/**
 * The interaction boundary, attacked the same way on both Workers: correctly signed bodies of every
 * wrong shape (interaction-bodies.ts), stale and future timestamps, and exact replays of a signed
 * request. Each Worker's test file runs `describeInteractionBoundary` against its own `/interactions`.
 */
import type { APIInteractionResponse } from "discord-api-types/v10";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { discordSignatureHeaders } from "../../../scripts/lib/ed25519";
import { pingInteraction } from "../../../scripts/lib/interaction-builder";
import {
  answeredBodies,
  button,
  command,
  nowSeconds,
  refusedBodies,
  withData,
  without,
} from "./interaction-bodies";

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

    it("answers an autocomplete whose typed value holds a NUL with a valid (empty) list, never a message or a 5xx", async () => {
      for (const name of ["no-such-command", "maxis", "ticket"]) {
        const typed = withData(
          { ...command("fr", name), type: 4 },
          {
            options: [
              {
                name: "view",
                type: 1,
                options: [{ name: "ticket", type: 3, value: "1\u0000", focused: true }],
              },
            ],
          },
        );
        const response = await deliverOk(worker(), await signRequest(JSON.stringify(typed)));
        expect(response, name).toEqual({ type: 8, data: { choices: [] } });
      }
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
