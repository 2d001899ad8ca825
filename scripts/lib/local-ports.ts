/** Ports of the local stack; each can be moved with the environment variable beside it. */
export function localPorts() {
  const port = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value <= 0 || value > 65535)
      throw new Error(`${name} must be a port number`);
    return value;
  };
  return {
    shellia: port("SHELLIA_PORT", 8787),
    maxis: port("MAXIS_PORT", 8788),
    dashboard: port("DASHBOARD_PORT", 8789),
    discordApi: port("DISCORD_API_PORT", 8790),
    stripeApi: port("STRIPE_API_PORT", 8791),
    supabaseRest: port("SUPABASE_REST_PORT", 54321),
    postgres: port("POSTGRES_PORT", 54322),
  };
}
