/**
 * Ids for tests: the Discord stand-in's own generator (scripts/local-discord/ids.ts), Discord-shaped
 * and starting at a random point in each test file's isolate, so files sharing one database never
 * collide.
 */
export { nextSnowflake as snowflake } from "../../scripts/local-discord/ids";
