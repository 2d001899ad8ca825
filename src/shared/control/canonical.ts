/** The exact bytes both sides sign: `v1:{timestamp}:{nonce}:{METHOD}:{path}:{hex sha256 of the raw body}`. */
export interface CanonicalParts {
  timestamp: string;
  nonce: string;
  method: string;
  /** Path only, no origin and no query: `/control/v1/status`. */
  path: string;
  bodySha256Hex: string;
}

export function canonicalString(parts: CanonicalParts): string {
  return `v1:${parts.timestamp}:${parts.nonce}:${parts.method.toUpperCase()}:${parts.path}:${parts.bodySha256Hex}`;
}

const encoder = new TextEncoder();

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Lowercase hex to bytes; null unless it is an even number of hex digits. */
export function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

export async function sha256Hex(body: string): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", encoder.encode(body)));
}
