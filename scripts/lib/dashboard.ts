/**
 * The staff dashboard (admin-panel/) for the local stack and the browser tests: build it with Vite
 * into admin-panel/dist for a given Maxis, check its JavaScript against the budget, and serve it
 * with the response headers Cloudflare Pages would send (its _headers file, Content-Security-Policy
 * included).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { dashboardCsp } from "./dashboard-csp";
import { type HeaderRule, pagesHeadersFor, parsePagesHeaders } from "./pages-headers";
import { withoutProcessHooks } from "./process-hooks";

export const DASHBOARD_DIR = "admin-panel";
export const DASHBOARD_DIST = join(DASHBOARD_DIR, "dist");
/** The dashboard's JavaScript, gzipped, must stay under this (the budget). */
export const DASHBOARD_JS_BUDGET_BYTES = 150 * 1024;

/** Builds the site for the Maxis at `maxisUrl` (its config.json and its CSP's connect-src). */
export async function buildDashboard(maxisUrl = process.env["MAXIS_URL"] ?? ""): Promise<{
  jsGzipBytes: number;
  files: { name: string; gzip: number }[];
}> {
  const { build } = await import("vite");
  const { dashboardViteConfig } = await import("../../admin-panel/vite.config");
  // Vitest runs with NODE_ENV=test, which Vite would honour (development builds of dependencies):
  // build exactly what `scripts/dashboard-build.ts` deploys, whoever calls this.
  const nodeEnv = process.env["NODE_ENV"];
  process.env["NODE_ENV"] = "production";
  try {
    await build({ ...dashboardViteConfig(maxisUrl), configFile: false, logLevel: "warn" });
  } finally {
    if (nodeEnv === undefined) delete process.env["NODE_ENV"];
    else process.env["NODE_ENV"] = nodeEnv;
  }
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

function withPagesHeaders(rules: readonly HeaderRule[], extra: Record<string, string> = {}) {
  return (url: URL) => new Map([...pagesHeadersFor(rules, url), ...Object.entries(extra)]);
}

/**
 * The dashboard from its sources, with Vite's dev server (changes show up as you save), for
 * `npm run dev`; /config.json tells the page where Maxis is, as in the built site. Responses carry
 * public/_headers and the site's CSP for that Maxis, except that styles may also come from <style>
 * elements with this server's nonce: that is how Vite's dev server injects the CSS (HMR), where the
 * build links a stylesheet.
 */
export async function serveDashboardDev(port: number, apiBase: string, hostname = "127.0.0.1") {
  const { createServer } = await import("vite");
  const { dashboardViteConfig } = await import("../../admin-panel/vite.config");
  const config = dashboardViteConfig(apiBase);
  const styleNonce = crypto.randomUUID().replaceAll("-", "");
  const headersFor = withPagesHeaders(
    parsePagesHeaders(readFileSync(join(DASHBOARD_DIR, "public/_headers"), "utf8")),
    { "Content-Security-Policy": dashboardCsp(apiBase, { styleNonce }) },
  );
  const createDevServer = () =>
    createServer({
      ...config,
      configFile: false,
      server: { port, host: hostname, strictPort: true },
      html: { cspNonce: styleNonce },
      plugins: [
        ...(config.plugins ?? []),
        {
          name: "maxis-local-config-json",
          configureServer(dev) {
            dev.middlewares.use((req, res, next) => {
              for (const [name, value] of headersFor(new URL(req.url ?? "/", `http://${hostname}:${port}`)))
                res.setHeader(name, value);
              next();
            });
            dev.middlewares.use("/config.json", (_req, res) => {
              res.setHeader("Content-Type", "application/json");
              res.setHeader("Cache-Control", "no-store");
              res.end(JSON.stringify({ apiBase }));
            });
          },
        },
      ],
    });
  // Vite's dev server exits the process on SIGTERM or when stdin ends; npm run dev stops it itself.
  const server = await withoutProcessHooks(
    ["end"],
    () => withoutProcessHooks(["SIGTERM"], createDevServer),
    process.stdin,
  );
  await server.listen();
  return { url: `http://${hostname}:${port}`, close: () => server.close() };
}

/**
 * Serves the built dashboard (admin-panel/dist, as built for the Maxis it should call) with the
 * headers its dist/_headers gives each path, as Pages does.
 */
export function serveDashboard(port: number, hostname = "127.0.0.1"): Promise<ServedDashboard> {
  const headersFor = withPagesHeaders(
    parsePagesHeaders(readFileSync(join(DASHBOARD_DIST, "_headers"), "utf8")),
  );
  const app = new Hono();
  app.use("/*", async (c, next) => {
    await next();
    for (const [name, value] of headersFor(new URL(c.req.url))) c.header(name, value);
  });
  // Pages reads _headers and never serves it.
  app.get("/_headers", (c) => c.notFound());
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
