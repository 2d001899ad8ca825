/**
 * Shellia's bundle keeps only some message catalogues (src/shared/i18n/catalogs/index.ts): a message
 * key from a dropped catalogue, used anywhere in Shellia's code, would have no text at run time.
 * `npm run size` builds the bundle anyway and runs this on it (the Node tests build no Worker).
 */
import { catalogues } from "../../src/shared/i18n/catalogs";
import { ask } from "../../src/shared/i18n/catalogs/ask";
import { controlAudit } from "../../src/shared/i18n/catalogs/control-audit";
import { controlOperations } from "../../src/shared/i18n/catalogs/control-operations";
import { core } from "../../src/shared/i18n/catalogs/core";
import { interactions } from "../../src/shared/i18n/catalogs/interactions";
import { shelliaControl } from "../../src/shared/i18n/catalogs/shellia-control";

const kept = new Set(
  [core, shelliaControl, controlAudit, controlOperations, interactions, ask].flatMap((c) =>
    Object.keys(c.en),
  ),
);

/** Keys of the catalogues Shellia's bundle drops. */
export const droppedKeys: readonly string[] = catalogues
  .flatMap((c) => Object.keys(c.en))
  .filter((key) => !kept.has(key));

/** What is wrong with Shellia's bundled code: dropped keys it uses, or no kept key at all. */
export function shelliaCatalogueProblems(bundle: string): string[] {
  const used = droppedKeys.filter((key) => bundle.includes(`"${key}"`));
  const problems = used.map((key) => `uses "${key}", from a catalogue its bundle drops`);
  // The kept ones are really there (the bundle is not simply empty of messages).
  if (!bundle.includes('"ask.preview.title"'))
    problems.push('has no "ask.preview.title": no catalogue kept?');
  return problems;
}
