/** Crockford's base32 alphabet, lowercase: no i, l, o or u to misread when an operator types an id. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const LENGTH = 8;
const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{8}$/;

/** A short random giveaway id (40 bits), short enough for operators to type in `execute end-giveaway ID`. */
export function newGiveawayId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  // 256 is a multiple of 32, so masking keeps every character equally likely.
  return Array.from(bytes, (byte) => ALPHABET[byte & 31]).join("");
}

export function isGiveawayId(value: string): boolean {
  return ID_PATTERN.test(value);
}
