/**
 * What `npm run bench:rest` sends the REST stand-in: the calls Maxis makes for `/shop` and
 * `/ticket list`, as the member the load benchmark plays, and what a round reports.
 */
import { LOCAL_GUILD_ID, LOCAL_MEMBER_ID } from "../../scripts/lib/local-identities";
import type { RoundFigures, RoundLoad } from "./round-thread";

export type RestCase = "shop" | "ticket-list";

export interface RestRoundRequest extends RoundLoad {
  name: RestCase;
  url: string;
  publishableKey: string;
  signingKey: string;
}

export interface RestRoundResult extends RoundFigures {
  name: RestCase;
}

/** What Maxis sends for each case: the function and its JSON body. */
export const REST_CASES: Record<RestCase, { fn: string; body: string }> = {
  shop: { fn: "list_shop", body: JSON.stringify({ p_guild_id: LOCAL_GUILD_ID }) },
  "ticket-list": {
    fn: "ticket_list",
    body: JSON.stringify({
      p_status: null,
      p_category: null,
      p_priority: null,
      p_assignee_id: null,
      p_mine: false,
      p_search: null,
      p_limit: 10,
      p_offset: 0,
    }),
  },
};

export const MEMBER_CLAIMS = {
  sub: LOCAL_MEMBER_ID,
  role: "authenticated",
  app_role: "member",
  guild_id: LOCAL_GUILD_ID,
  roles: [],
};
