import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { serveLocalDiscord } from "../../../scripts/local-discord/server";
import { ephemeralStart, freePort, listeningAs } from "../../setup/ports";

const held: Server[] = [];
afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function hold(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      held.push(server);
      resolve(server);
    });
  });
}

describe("test ports", () => {
  it("chooses distinct free ports below the range the OS hands out by itself", async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    expect(new Set(ports).size).toBe(ports.length);
    for (const port of ports) expect(port).toBeLessThan(ephemeralStart());
    // Each one is really free: something can listen on all of them at once.
    await Promise.all(ports.map(hold));
  });

  it("names the stand-in and its port when the port was taken before it started", async () => {
    const port = await freePort();
    await hold(port);
    process.env["TEST_TAKEN_PORT"] = String(port);
    const failure = listeningAs("Discord API", ["TEST_TAKEN_PORT"], serveLocalDiscord(port));
    await expect(failure).rejects.toThrow(
      `the Discord API stand-in could not start on its test ports (TEST_TAKEN_PORT=${port})`,
    );
    await expect(failure).rejects.toMatchObject({ cause: { code: "EADDRINUSE" } });
    delete process.env["TEST_TAKEN_PORT"];
  });
});
