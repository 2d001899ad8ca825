declare module "vitest" {
  interface ProvidedContext {
    /** The browser tests' stack (test/browser/setup/stack.global.ts). */
    browserStack: {
      dashboardUrl: string;
      maxisUrl: string;
      /** The Discord stand-in, for reading what Maxis sent members. */
      discordLocalUrl: string;
      /** Maxis's SESSION_SECRET in this run, to mint expired sessions. */
      sessionSecret: string;
      /** The Discord server the dashboard serves in these tests. */
      guildId: string;
      dashboardJsGzipBytes: number;
    };
  }
}

export {};
