/**
 * Ed25519 with WebCrypto only, so the same code signs interactions in Node scripts and in tests
 * running inside workerd. Keys travel as hex: the 32-byte seed (private) and the 32-byte public key,
 * the format Discord shows on an application's page.
 */

const PKCS8_ED25519_PREFIX = "302e020100300506032b657004220420";

export const toHex = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) =>
    b.toString(16).padStart(2, "0"),
  ).join("");

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new Error("Not a hex string");
  return Uint8Array.from(hex.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));
}

export interface Ed25519KeyPairHex {
  /** 32-byte seed, 64 hex characters. */
  privateKey: string;
  /** 32-byte public key, 64 hex characters. */
  publicKey: string;
}

export async function generateEd25519KeyPair(): Promise<Ed25519KeyPairHex> {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array((await crypto.subtle.exportKey("pkcs8", pair.privateKey)) as ArrayBuffer);
  const publicKey = (await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer;
  return { privateKey: toHex(pkcs8.slice(-32)), publicKey: toHex(publicKey) };
}

function importSigningKey(seedHex: string): Promise<CryptoKey> {
  if (!/^[0-9a-f]{64}$/i.test(seedHex)) throw new Error("An Ed25519 private key is 64 hex characters");
  return crypto.subtle.importKey(
    "pkcs8",
    fromHex(PKCS8_ED25519_PREFIX + seedHex),
    { name: "Ed25519" },
    false,
    ["sign"],
  );
}

export async function signEd25519(seedHex: string, message: string): Promise<string> {
  const key = await importSigningKey(seedHex);
  return toHex(await crypto.subtle.sign({ name: "Ed25519" }, key, new TextEncoder().encode(message)));
}

/** The two headers Discord adds to every interaction it sends to a Worker. */
export async function discordSignatureHeaders(
  seedHex: string,
  body: string,
  timestamp = String(Math.floor(Date.now() / 1000)),
): Promise<{ "X-Signature-Ed25519": string; "X-Signature-Timestamp": string }> {
  return {
    "X-Signature-Ed25519": await signEd25519(seedHex, timestamp + body),
    "X-Signature-Timestamp": timestamp,
  };
}
