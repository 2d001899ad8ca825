/**
 * The dashboard's build: a static site in admin-panel/dist for `wrangler pages deploy`.
 * MAXIS_URL (at build time) becomes dist/config.json, which tells the page where Maxis's API is,
 * and the connect-src of the Content-Security-Policy added to dist/_headers (public/_headers plus
 * that line), so a build serves one Maxis: a new Maxis address needs a new build.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin, type UserConfig } from "vite";
import { dashboardCsp } from "../scripts/lib/dashboard-csp";
import { addPagesHeader } from "../scripts/lib/pages-headers";

const root = import.meta.dirname;

function siteFiles(maxisUrl: string): Plugin {
  let csp = "";
  return {
    name: "maxis-site-files",
    apply: "build",
    buildStart() {
      // Before bundling, so a malformed MAXIS_URL fails the build at once.
      csp = dashboardCsp(maxisUrl);
    },
    closeBundle() {
      writeFileSync(resolve(root, "dist/config.json"), `${JSON.stringify({ apiBase: maxisUrl })}\n`);
      const headers = readFileSync(resolve(root, "public/_headers"), "utf8");
      writeFileSync(
        resolve(root, "dist/_headers"),
        addPagesHeader(headers, "/*", "Content-Security-Policy", csp),
      );
    },
  };
}

/** The whole configuration for a dashboard that calls the Maxis at `maxisUrl` (empty: its own origin). */
export function dashboardViteConfig(maxisUrl: string): UserConfig {
  return {
    root,
    base: "./",
    logLevel: "warn",
    oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
    build: {
      outDir: resolve(root, "dist"),
      emptyOutDir: true,
      target: "es2022",
      reportCompressedSize: false,
    },
    plugins: [siteFiles(maxisUrl)],
  };
}

export default defineConfig(dashboardViteConfig(process.env["MAXIS_URL"] ?? ""));
