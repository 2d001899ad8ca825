/**
 * The member's link to a ticket's transcript page: signed and expiring, so only the member it was
 * made for can open it, and only for a while. The signature is HMAC-SHA256 with
 * `TRANSCRIPT_LINK_SECRET` over `transcript:v1:<server>:<ticket number>:<member>:<expiry>`; checked
 * with `crypto.subtle.verify` (constant-time). The page then reads the ticket as that member, under
 * the database's row-level security, so even a genuine link shows nothing but that member's ticket.
 */
import { base64url, fromBase64url } from "../../shared/base64url";
import { err, ok, type Result } from "../../shared/result";

export interface TranscriptGrant {
  guildId: string;
  number: number;
  memberId: string;
  /** Unix seconds. */
  expires: number;
}

/** How long a member's link works. They can ask `/ticket transcript` again for a new one. */
export const TRANSCRIPT_LINK_SECONDS = 24 * 3600;

export type LinkCheck = Result<TranscriptGrant, "malformed" | "expired" | "forged">;

const SNOWFLAKE = /^[0-9]{1,20}$/;
const NUMBER = /^[1-9][0-9]{0,8}$/;
const SECONDS = /^[0-9]{1,12}$/;
/** 32 bytes, base64url without padding. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

export const canonicalGrant = (g: TranscriptGrant) =>
  `transcript:v1:${g.guildId}:${g.number}:${g.memberId}:${g.expires}`;

const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign", "verify"],
    );
    keys.set(secret, key);
  }
  return key;
}

export async function signGrant(secret: string, grant: TranscriptGrant): Promise<string> {
  const mac = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secret),
    new TextEncoder().encode(canonicalGrant(grant)),
  );
  return base64url(new Uint8Array(mac));
}

/** The page's path and query for a grant: `/transcripts/<server>/<number>?member&expires&sig`. */
export async function transcriptLinkPath(secret: string, grant: TranscriptGrant): Promise<string> {
  const query = new URLSearchParams({
    member: grant.memberId,
    expires: String(grant.expires),
    sig: await signGrant(secret, grant),
  });
  return `/transcripts/${grant.guildId}/${grant.number}?${query}`;
}

export interface LinkParams {
  guildId: string;
  number: string;
  member: string | undefined;
  expires: string | undefined;
  sig: string | undefined;
}

/** Whether a link is one Maxis made, unaltered and not expired. The signature is checked first. */
export async function checkTranscriptLink(
  secret: string,
  params: LinkParams,
  nowSeconds: number,
): Promise<LinkCheck> {
  const { guildId, number, member, expires, sig } = params;
  if (
    !SNOWFLAKE.test(guildId) ||
    !NUMBER.test(number) ||
    !member ||
    !SNOWFLAKE.test(member) ||
    !expires ||
    !SECONDS.test(expires) ||
    !sig ||
    !SIGNATURE.test(sig)
  ) {
    return err("malformed");
  }
  const grant = { guildId, number: Number(number), memberId: member, expires: Number(expires) };
  const genuine = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret),
    fromBase64url(sig),
    new TextEncoder().encode(canonicalGrant(grant)),
  );
  if (!genuine) return err("forged");
  if (grant.expires <= nowSeconds) return err("expired");
  return ok(grant);
}
