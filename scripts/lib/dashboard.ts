/**
 * The staff dashboard (admin-panel/) for the local stack and the browser tests: build it with Vite
 * into admin-panel/dist, check its JavaScript against the budget, and serve it with a config.json
 * that points the page at the local Maxis.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";

export const DASHBOARD_DIR = "admin-panel";
export const DASHBOARD_DIST = join(DASHBOARD_DIR, "dist");
/** The dashboard's JavaScript, gzipped, must stay under this (the budget). */
export const DASHBOARD_JS_BUDGET_BYTES = 150 * 1024;

export async function buildDashboard(): Promise<{
  jsGzipBytes: number;
  files: { name: string; gzip: number }[];
}> {
  const { build } = await import("vite");
  await build({ configFile: join(DASHBOARD_DIR, "vite.config.ts"), logLevel: "warn" });
  const assets = join(DASHBOARD_DIST, "assets");
  const files = readdirSync(assets)
    .filter((name) => name.endsWith(".js") || name.endsWith(".css"))
    .map((name) => ({ name, gzip: gzipSync(readFileSync(join(assets, name)), { level: 9 }).length }));
  const jsGzipBytes = files.filter((f) => f.name.endsWith(".js")).reduce((sum, f) => sum + f.gzip, 0);
  return { jsGzipBytes, files };
}

export function describeBuild(result: Awaited<ReturnType<typeof buildDashboard>>): string {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const lines = result.files.map((f) => `  ${f.name.padEnd(28)} ${kib(f.gzip).padStart(10)} gzip`);
  return `Dashboard built in ${DASHBOARD_DIST}:\n${lines.join("\n")}\n  JavaScript total ${kib(result.jsGzipBytes)} gzip (budget ${kib(DASHBOARD_JS_BUDGET_BYTES)})`;
}

export interface ServedDashboard {
  url: string;
  close(): Promise<void>;
}

/**
 * The dashboard from its sources, with Vite's dev server (changes show up as you save), for
 * `npm run dev`; /config.json tells the page where Maxis is, as in the built site.
 */
export async function serveDashboardDev(port: number, apiBase: string, hostname = "127.0.0.1") {
  const { createServer } = await import("vite");
  const server = await createServer({
    configFile: join(DASHBOARD_DIR, "vite.config.ts"),
    server: { port, host: hostname, strictPort: true },
    plugins: [
      {
        name: "maxis-local-config-json",
        configureServer(dev) {
          dev.middlewares.use("/config.json", (_req, res) => {
            res.setHeader("Content-Type", "application/json");
            res.setHeader("Cache-Control", "no-store");
            res.end(JSON.stringify({ apiBase }));
          });
        },
      },
    ],
  });
  await server.listen();
  return { url: `http://${hostname}:${port}`, close: () => server.close() };
}

/** Serves the built dashboard; /config.json tells the page where Maxis is. */
export function serveDashboard(
  port: number,
  apiBase: string,
  hostname = "127.0.0.1",
): Promise<ServedDashboard> {
  const app = new Hono();
  app.get("/config.json", (c) => c.json({ apiBase }, 200, { "Cache-Control": "no-store" }));
  app.use("/*", serveStatic({ root: `./${DASHBOARD_DIST}` }));
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) =>
      resolve({
        url: `http://${hostname}:${info.port}`,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
    server.once("error", reject);
  });
}
