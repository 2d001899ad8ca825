import { LOCAL_APPLICATION_ID } from "../lib/local-identities";

/** The bot as the stand-in shows it: the author of what Maxis posts, the owner of the threads it opens. */
export const LOCAL_BOT_USER = { id: LOCAL_APPLICATION_ID, username: "Maxis" };

let snowflakeCounter = 0n;
/** Unique, increasing, Discord-shaped ids. */
export function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return ((BigInt(Date.now() - 1420070400000) << 22n) | (snowflakeCounter & 0x3fffffn)).toString();
}
