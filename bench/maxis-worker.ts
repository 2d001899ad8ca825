/**
 * The Maxis bundle as the in-Node benchmarks run it in Miniflare: wrangler.maxis.toml's runtime
 * (compatibility date, flags, Durable Objects), a bench bot token and public key, and what the
 * benchmark adds (the stand-ins' addresses, keys).
 */
import { maxisRuntime } from "../scripts/lib/maxis-config";

/** Only errors: a Worker's console.error is a failure worth seeing, the rest would be noise. */
export const errorsOnly = ({ level, message }: { level: string; message: string }): void => {
  if (level === "error") console.error(message);
};

export function maxisBenchWorker(scriptPath: string, bindings: Record<string, string>) {
  return {
    name: "maxis",
    modules: true,
    scriptPath,
    ...maxisRuntime(),
    bindings: { DISCORD_BOT_TOKEN: "bench", DISCORD_PUBLIC_KEY: "00".repeat(32), ...bindings },
  };
}

/** The local Supabase a benchmark's Maxis calls, as its bindings. */
export const supabaseBindings = (supabase: {
  restUrl: string;
  publishableKey: string;
  signingKey: string;
}) => ({
  SUPABASE_URL: supabase.restUrl,
  SUPABASE_PUBLISHABLE_KEY: supabase.publishableKey,
  SUPABASE_JWT_SIGNING_KEY: supabase.signingKey,
});
