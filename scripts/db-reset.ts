/** npm run db:reset: wipes the local database; the next `npm run dev` recreates it from migrations and seed. */
import { resetLocalDatabase } from "./local-supabase";

await resetLocalDatabase(".local/postgres");
console.log(
  "Local database wiped. `npm run dev` will rebuild it from supabase/migrations and supabase/seed.sql.",
);
