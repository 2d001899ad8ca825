import { verifyKey } from "discord-interactions";

const importedKeys = new Map<string, Promise<CryptoKey>>();

/** Imports the application's hex public key once per isolate; every interaction reuses it. */
function publicKeyFor(hex: string): Promise<CryptoKey> {
  let key = importedKeys.get(hex);
  if (!key) {
    const raw = Uint8Array.from(hex.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16));
    key = crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
    key.catch(() => importedKeys.delete(hex));
    importedKeys.set(hex, key);
  }
  return key;
}

/**
 * Checks Discord's Ed25519 signature over `timestamp + body`, exactly as Discord signs it.
 * Returns false (never throws) for anything malformed.
 */
export async function verifyDiscordSignature(
  publicKeyHex: string,
  signature: string | undefined,
  timestamp: string | undefined,
  rawBody: string,
): Promise<boolean> {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  if (!/^[0-9a-f]{64}$/i.test(publicKeyHex)) return false;
  try {
    return await verifyKey(rawBody, signature, timestamp, await publicKeyFor(publicKeyHex));
  } catch {
    return false;
  }
}
