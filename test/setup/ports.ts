import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** Where the search starts: above the usual fixed ports (5432, 8787, 9229…). */
const LOWEST = 20_000;
/** Linux's default first ephemeral port; macOS's is higher still. */
const DEFAULT_EPHEMERAL_START = 32_768;
const ATTEMPTS = 50;

const handedOut = new Set<number>();

/**
 * The first port the OS hands out on its own, for outgoing connections and port-0 listeners.
 * A port it picks can be taken by any process the moment it is released, so ours stay below it.
 */
export function ephemeralStart(): number {
  try {
    const low = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > LOWEST ? low : DEFAULT_EPHEMERAL_START;
  } catch {
    return DEFAULT_EPHEMERAL_START;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A free loopback port for a server that will listen on it a little later (the test config picks
 * the stand-ins' ports before their global setups start them), so parallel runs and a running
 * `npm run dev` never collide. It is chosen outside the ephemeral range: a port the OS picked for
 * us could meanwhile become another process's outgoing connection, which made CI fail with
 * EADDRINUSE. Never the same port twice in one process.
 */
export async function freePort(): Promise<number> {
  const span = ephemeralStart() - LOWEST;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * span);
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free loopback port between ${LOWEST} and ${LOWEST + span - 1} after ${ATTEMPTS} tries`);
}

/**
 * Names the stand-in and its port when it cannot listen, since vitest otherwise reports a failed
 * global setup as a bare EADDRINUSE under "No test files found".
 */
export async function listeningAs<T>(standIn: string, portVars: string[], start: Promise<T>): Promise<T> {
  try {
    return await start;
  } catch (error) {
    const ports = portVars.map((name) => `${name}=${process.env[name] ?? "unset"}`).join(", ");
    throw new Error(`the ${standIn} stand-in could not start on its test ports (${ports})`, { cause: error });
  }
}
