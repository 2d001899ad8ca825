/**
 * What the load benchmark sends: one case per path through the Workers that Discord (or Shellia)
 * exercises, each as a request factory — every interaction signed as Discord signs it, with a fresh
 * timestamp and its own interaction id (the ledger runs each id once) — and a check of the answer,
 * since a fast error is not a fast answer. Pure apart from signing: the generator thread builds them.
 */
import { createPrivateKey, type KeyObject, sign } from "node:crypto";
import type { APIInteraction } from "discord-api-types/v10";
import { loadCommandDefinitions } from "../../scripts/lib/commands";
import {
  buttonInteraction,
  commandInteraction,
  newInteractionId,
  parseCommandLine,
  pingInteraction,
} from "../../scripts/lib/interaction-builder";
import { LOCAL_MEMBER_ID } from "../../scripts/lib/local-identities";
import { translate } from "../../src/shared/i18n";

export type CaseName = "ping" | "ping-shellia" | "no-io" | "shop" | "ticket-list" | "button" | "control";

export interface CaseSettings {
  urls: { maxis: string; shellia: string; floor: string; controlCaller: string };
  discordPrivateKey: string;
  /** The running giveaway members enter in the button case. */
  giveawayId: string;
}

export interface BuiltRequest {
  body?: string;
  headers: Record<string, string>;
}

export interface LoadCase {
  name: CaseName;
  /** The origin and path autocannon loads. */
  url: string;
  method: "GET" | "POST";
  next(): BuiltRequest;
  /** Whether an answer is the right one (a 200 carrying an error message is a failure). */
  check(status: number, body: string): boolean;
}

export const CASE_LABELS: Record<CaseName, string> = {
  ping: "PING → Maxis",
  "ping-shellia": "PING → Shellia",
  "no-io": "unknown command (no I/O) → Maxis",
  shop: "/shop (1 Supabase call)",
  "ticket-list": "/ticket list (1 Supabase call, RLS)",
  button: "giveaway Enter button (1 DO call)",
  control: "control status, Shellia's client → Maxis",
};

/** Placeholders swapped per request: a fresh interaction id, and a fresh member for the button. */
const ID_MARK = "1999999999999999999";
const USER_MARK = "1888888888888888888";
const PKCS8_ED25519_PREFIX = "302e020100300506032b657004220420";

function signingKey(seedHex: string): KeyObject {
  return createPrivateKey({
    key: Buffer.from(PKCS8_ED25519_PREFIX + seedHex, "hex"),
    format: "der",
    type: "pkcs8",
  });
}

let members = 0;
/** A new member id per click: a rush of entries comes from many members, each entering once. */
function nextMemberId(): string {
  members += 1;
  return String(1_400_000_000_000_000_000n + BigInt(process.pid) * 1_000_000_000n + BigInt(members));
}

/** Signs `interaction` afresh on every call, with a new id (and member, where marked). */
function signedInteractions(key: KeyObject, interaction: APIInteraction): () => BuiltRequest {
  const template = JSON.stringify({ ...interaction, id: ID_MARK });
  const perMember = template.includes(USER_MARK);
  return () => {
    let body = template.replace(ID_MARK, newInteractionId());
    if (perMember) body = body.replaceAll(USER_MARK, nextMemberId());
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), key).toString("hex");
    return {
      body,
      headers: {
        "Content-Type": "application/json",
        "X-Signature-Ed25519": signature,
        "X-Signature-Timestamp": timestamp,
      },
    };
  };
}

function messageOf(body: string): {
  type?: number;
  data?: { content?: string; embeds?: { title?: string }[] };
} {
  try {
    return JSON.parse(body);
  } catch {
    return {};
  }
}

/** Whether a text is a translated message whose only parameter is a count (any plural form). */
function countMessage(key: Parameters<typeof translate>[1]): (text: string) => boolean {
  const forms = [1, 7].map((count) => {
    const sample = translate("en", key, { count });
    const escaped = sample.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(String(count), "\\d[\\d,]*");
    return new RegExp(`^${escaped}$`);
  });
  return (text) => forms.some((form) => form.test(text));
}

/** Read as `npm run interact` reads them, without type-checking Maxis under the Node tsconfig. */
const definitions = await loadCommandDefinitions("maxis");
const member = { userId: LOCAL_MEMBER_ID, locale: "en-US" };

/** The subject case, as the real Worker receives it. */
export function loadCase(name: CaseName, settings: CaseSettings): LoadCase {
  const key = signingKey(settings.discordPrivateKey);
  const interactions = `${settings.urls.maxis}/interactions`;
  const command = (line: string) =>
    signedInteractions(key, commandInteraction(member, parseCommandLine(line, definitions)));
  switch (name) {
    case "ping":
    case "ping-shellia":
      return {
        name,
        url: name === "ping" ? interactions : `${settings.urls.shellia}/interactions`,
        method: "POST",
        next: signedInteractions(key, pingInteraction()),
        check: (status, body) => status === 200 && messageOf(body).type === 1,
      };
    case "no-io": {
      const unknown = translate("en", "error.unknown_command");
      return {
        name,
        url: interactions,
        method: "POST",
        next: signedInteractions(key, commandInteraction(member, { name: "bench-unknown", options: [] })),
        check: (status, body) => status === 200 && messageOf(body).data?.content === unknown,
      };
    }
    case "shop": {
      const title = translate("en", "shop.title");
      return {
        name,
        url: interactions,
        method: "POST",
        next: command("/shop"),
        check: (status, body) => status === 200 && messageOf(body).data?.embeds?.[0]?.title === title,
      };
    }
    case "ticket-list": {
      const title = translate("en", "ticket.list.title_member");
      return {
        name,
        url: interactions,
        method: "POST",
        next: command("/ticket list"),
        check: (status, body) => status === 200 && body.includes(title),
      };
    }
    case "button": {
      const entered = countMessage("giveaway.entry.entered");
      return {
        name,
        url: interactions,
        method: "POST",
        next: signedInteractions(
          key,
          buttonInteraction({ userId: USER_MARK }, `giveaway:enter:${settings.giveawayId}`),
        ),
        check: (status, body) => status === 200 && entered(messageOf(body).data?.content ?? ""),
      };
    }
    case "control":
      return {
        name,
        url: `${settings.urls.controlCaller}/status`,
        method: "GET",
        next: () => ({ headers: {} }),
        check: (status) => status === 200,
      };
  }
}

/**
 * The floor's counterpart of a case: the same signed body (PING, or the command itself, which the
 * floor answers with a fixed message) so both verify a signature over the same bytes. The control
 * call has no interaction; its floor is a PING.
 */
export function floorCase(name: CaseName, settings: CaseSettings): LoadCase {
  const subject = loadCase(name === "control" || name === "ping-shellia" ? "ping" : name, settings);
  return {
    name,
    url: `${settings.urls.floor}/interactions`,
    method: "POST",
    next: subject.next,
    check: (status, body) => status === 200 && [1, 4].includes(messageOf(body).type ?? 0),
  };
}
