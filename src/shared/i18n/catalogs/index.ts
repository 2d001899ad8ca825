import { controlAudit } from "./control-audit";
import { core } from "./core";
import { dashboardAuth } from "./dashboard-auth";
import { giveaways } from "./giveaways";
import { interactions } from "./interactions";
import { maxisControl } from "./maxis-control";
import { maxisCore } from "./maxis-core";
import { plans } from "./plans";
import { shelliaControl } from "./shellia-control";
import { shop } from "./shop";
import { tickets } from "./tickets";

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
  interactions,
  plans,
] as const;

type Merge<T extends readonly { en: object }[]> = T extends readonly [
  infer Head extends { en: object },
  ...infer Tail extends { en: object }[],
]
  ? Head["en"] & Merge<Tail>
  : unknown;

export type Messages = Merge<typeof catalogues>;
export type MessageKey = keyof Messages & string;

export const en = Object.assign({}, ...catalogues.map((c) => c.en)) as Record<MessageKey, string>;
export const fr = Object.assign({}, ...catalogues.map((c) => c.fr)) as Record<MessageKey, string>;
