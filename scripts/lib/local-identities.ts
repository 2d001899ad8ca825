/**
 * The fixed ids of the local development server, shared by `npm run dev`, `npm run interact`,
 * the seed data and the tests, so a "staff" or "admin" on the command line means the same person
 * everywhere.
 */
export const LOCAL_APPLICATION_ID = "1300000000000000001";
export const LOCAL_GUILD_ID = "1300000000000000010";
/**
 * The seed's second server (its own plans, supabase/seed.sql): `npm run dev` puts Maxis's bot in it
 * too, so `--guild` tries two servers configured apart.
 */
export const LOCAL_SECOND_GUILD_ID = "1300000000000000920";
export const LOCAL_CHANNEL_ID = "1300000000000000020";
export const LOCAL_STAFF_ROLE_ID = "1300000000000000030";
/**
 * The local server's Admin role (Administrator), held by the seeded admin: on Discord a member's
 * permissions come from their roles (or owning the server), never given to them alone.
 */
export const LOCAL_ADMIN_ROLE_ID = "1300000000000000033";
/** Where new tickets are announced to staff (TICKET_STAFF_CHANNEL_ID). */
export const LOCAL_STAFF_CHANNEL_ID = "1300000000000000040";
/** Where each ticket gets its private thread (DISCORD_SUPPORT_CHANNEL_ID). */
export const LOCAL_SUPPORT_CHANNEL_ID = "1300000000000000045";
/** The default member; `--user ID` picks another. */
export const LOCAL_MEMBER_ID = "1300000000000000111";
/** A second plain member, e.g. to show that members only see their own tickets. */
export const LOCAL_OTHER_MEMBER_ID = "1300000000000000444";
export const LOCAL_STAFF_ID = "1300000000000000222";
/** On the local operator allow-list (OPERATOR_USER_IDS). */
export const LOCAL_ADMIN_ID = "1300000000000000333";

/** How Discord names a seeded person: their username and the display name everyone sees. */
export interface LocalPerson {
  id: string;
  username: string;
  globalName: string;
  /** Their Discord client's language (the stand-in's OAuth2 user). */
  locale: string;
}

/**
 * The seeded people of the local server, named once: the Discord stand-in's users and sign-in page,
 * and the members `npm run interact` acts as, so a transcript, a staff post or the dashboard names
 * the same person whichever way they came in.
 */
export const LOCAL_PEOPLE = {
  staff: { id: LOCAL_STAFF_ID, username: "alex.support", globalName: "Alex Martin", locale: "en-US" },
  admin: { id: LOCAL_ADMIN_ID, username: "sam.admin", globalName: "Sam Leroy", locale: "fr" },
  member: { id: LOCAL_MEMBER_ID, username: "camille", globalName: "Camille Dubois", locale: "fr" },
  otherMember: { id: LOCAL_OTHER_MEMBER_ID, username: "jordan", globalName: "Jordan Lee", locale: "en-US" },
} as const satisfies Record<string, LocalPerson>;

/** The seeded person with this id, if any. */
export const localPerson = (id: string): LocalPerson | undefined =>
  Object.values(LOCAL_PEOPLE).find((person) => person.id === id);

/**
 * The local server as Maxis's vars name it, for the dev stack's .dev.vars and the test Workers: its
 * staff role; the application whose commands `/maxis restart` re-syncs; the channel new tickets are
 * announced in and the one each ticket's private thread opens in; the server whose staff sign in to
 * the dashboard (only its tickets are posted there; `/maxis giveaway channel` suggests its channels).
 */
export const LOCAL_SERVER_VARS = {
  STAFF_ROLE_ID: LOCAL_STAFF_ROLE_ID,
  DISCORD_APPLICATION_ID: LOCAL_APPLICATION_ID,
  TICKET_STAFF_CHANNEL_ID: LOCAL_STAFF_CHANNEL_ID,
  DISCORD_SUPPORT_CHANNEL_ID: LOCAL_SUPPORT_CHANNEL_ID,
  DISCORD_GUILD_ID: LOCAL_GUILD_ID,
} as const;
