// The global sheets first, so that each component's own sheet (imported with it) comes after them.
import "./styles/tokens.css";
import "./styles/base.css";
import "./styles/utilities.css";
import "./styles/shell.css";
import { render } from "preact";
import { App } from "./app";

/**
 * Where Maxis lives comes from /config.json, written when the site is built (MAXIS_URL), the same
 * address the build allows in the Content-Security-Policy's connect-src.
 */
async function loadApiBase(): Promise<string> {
  try {
    const res = await fetch("config.json", { cache: "no-store" });
    if (res.ok) {
      const config = (await res.json()) as { apiBase?: unknown };
      if (typeof config.apiBase === "string" && config.apiBase) return config.apiBase.replace(/\/$/, "");
    }
  } catch {
    // Same origin then: a Maxis route in front of the dashboard.
  }
  return location.origin;
}

const root = document.getElementById("app");
if (root) render(<App apiBase={await loadApiBase()} />, root);
