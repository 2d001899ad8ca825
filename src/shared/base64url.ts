/** Base64url without padding (RFC 4648 §5), as JWTs, session ids and signed links write bytes. */
export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The bytes of a base64url text; throws on text that is not base64. */
export function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** `bytes` random bytes, base64url: an unguessable id or nonce. */
export const randomBase64url = (bytes: number): string =>
  base64url(crypto.getRandomValues(new Uint8Array(bytes)));
