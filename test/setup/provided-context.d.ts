declare module "vitest" {
  interface ProvidedContext {
    /** The local Supabase stand-in started for this test run (test/setup/local-supabase.global.ts). */
    supabase: {
      /** Base URL for supabase-js `createClient` (SUPABASE_URL). */
      restUrl: string;
      /** Superuser connection string, for preparing and inspecting the database in tests. */
      databaseUrl: string;
      /** The project's publishable key (SUPABASE_PUBLISHABLE_KEY): the `apikey` of every call, role anon. */
      publishableKey: string;
      /** The project's secret key (sb_secret_…): role service_role, for tests and tooling only. */
      secretKey: string;
      /**
       * The ES256 private key the project trusts (SUPABASE_JWT_SIGNING_KEY, a JWK with its kid), to sign
       * tokens as Maxis does. The test project has no legacy JWT secret: HS256 tokens get 401.
       */
      signingKey: string;
    };
  }
}

export {};
