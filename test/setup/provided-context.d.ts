declare module "vitest" {
  interface ProvidedContext {
    /** The local Supabase stand-in started for this test run (test/setup/local-supabase.global.ts). */
    supabase: {
      /** Base URL for supabase-js `createClient` (SUPABASE_URL). */
      restUrl: string;
      /** Superuser connection string, for preparing and inspecting the database in tests. */
      databaseUrl: string;
      anonKey: string;
      serviceRoleKey: string;
      /** The project's JWT secret (SUPABASE_JWT_SECRET), to sign user JWTs as Maxis does. */
      jwtSecret: string;
    };
  }
}

export {};
