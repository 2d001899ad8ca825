/**
 * The dashboard's build: a static site in admin-panel/dist for `wrangler pages deploy`.
 * MAXIS_URL (at build time) becomes dist/config.json, which tells the page where Maxis's API is;
 * the local stack serves its own config.json instead, so one build runs against any Maxis.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

const root = import.meta.dirname;

function configJson(): Plugin {
  return {
    name: "maxis-config-json",
    apply: "build",
    closeBundle() {
      const apiBase = process.env["MAXIS_URL"] ?? "";
      writeFileSync(resolve(root, "dist/config.json"), `${JSON.stringify({ apiBase })}\n`);
    },
  };
}

export default defineConfig({
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
  plugins: [configJson()],
});
