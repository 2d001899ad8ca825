import { LOCAL_APPLICATION_ID } from "../lib/local-identities";

/** The bot as the stand-in shows it: the author of what Maxis posts, the owner of the threads it opens. */
export const LOCAL_BOT_USER = { id: LOCAL_APPLICATION_ID, username: "Maxis" };

/**
 * Ids shaped like Discord's own snowflakes (milliseconds since Discord's epoch, then 22 bits), so
 * code that orders or dates messages by id sees what Discord would send. The 22 low bits start at a
 * random point in each process (each test file's isolate): the stand-in and test files sharing one
 * database never collide. The tests' `snowflake()` (test/support/snowflake.ts) is this one.
 */
const DISCORD_EPOCH = 1_420_070_400_000n;
const LOW_BITS = 22n;
let sequence = BigInt(crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) & ((1n << LOW_BITS) - 1n);

/** A fresh snowflake, unique within this run and later than every earlier one from this process. */
export function nextSnowflake(): string {
  sequence = (sequence + 1n) & ((1n << LOW_BITS) - 1n);
  return String(((BigInt(Date.now()) - DISCORD_EPOCH) << LOW_BITS) | sequence);
}
