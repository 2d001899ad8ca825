declare module "vitest" {
  interface ProvidedContext {
    /** Seed (hex) of the Ed25519 key the test Workers trust as Discord's. */
    discordPrivateKey: string;
    /** Base URL of the local Discord API stand-in, for reading what the Workers sent. */
    discordLocalUrl: string;
  }
}

export {};
