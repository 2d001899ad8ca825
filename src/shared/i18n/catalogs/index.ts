import { ask } from "./ask";
import { controlAudit } from "./control-audit";
import { controlOperations } from "./control-operations";
import { controlRefusals } from "./control-refusals";
import { core } from "./core";
import { dashboardAuth } from "./dashboard-auth";
import { giveaways } from "./giveaways";
import { interactions } from "./interactions";
import { maxisControl } from "./maxis-control";
import { maxisCore } from "./maxis-core";
import { panels } from "./panels";
import { payments } from "./payments";
import { plans } from "./plans";
import { sales } from "./sales";
import { servers } from "./servers";
import { shelliaControl } from "./shellia-control";
import { shop } from "./shop";
import { sla } from "./sla";
import { snippets } from "./snippets";
import { ticketAutomation } from "./ticket-automation";
import { ticketThreads } from "./ticket-threads";
import { tickets } from "./tickets";
import { transcripts } from "./transcripts";

/**
 * Every feature's messages, merged. A feature adds its catalogue file here; a key defined twice
 * is a mistake the i18n test catches.
 */
export const catalogues = [
  core,
  maxisCore,
  shelliaControl,
  giveaways,
  shop,
  maxisControl,
  tickets,
  dashboardAuth,
  controlAudit,
  controlOperations,
  controlRefusals,
  interactions,
  ask,
  payments,
  ticketThreads,
  servers,
  plans,
  sales,
  transcripts,
  sla,
  snippets,
  panels,
  ticketAutomation,
] as const;

type Merge<T extends readonly { en: object }[]> = T extends readonly [
  infer Head extends { en: object },
  ...infer Tail extends { en: object }[],
]
  ? Head["en"] & Merge<Tail>
  : unknown;

export type Messages = Merge<typeof catalogues>;
export type MessageKey = keyof Messages & string;

/** Set to true by wrangler.shellia.toml's `define`; undefined in Maxis and in tests. */
declare const __SHELLIA_BUNDLE__: boolean | undefined;

/**
 * Shellia's bundle carries only the catalogues Shellia speaks from (its commands, the interaction
 * boundary, the common errors), which keeps it inside its size budget; the bundler drops the others
 * (each catalogue is a `@__PURE__` call). Every other build (Maxis, tests, scripts) gets them all.
 */
const loaded =
  typeof __SHELLIA_BUNDLE__ !== "undefined" && __SHELLIA_BUNDLE__
    ? [core, shelliaControl, controlAudit, controlOperations, interactions, ask]
    : catalogues;

export const en = Object.assign({}, ...loaded.map((c) => c.en)) as Record<MessageKey, string>;
export const fr = Object.assign({}, ...loaded.map((c) => c.fr)) as Record<MessageKey, string>;
