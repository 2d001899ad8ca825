import { describe, expect, it } from "vitest";
import { droppedKeys, shelliaCatalogueProblems } from "./shellia-catalogues";

describe("shelliaCatalogueProblems", () => {
  it("drops most catalogues", () => {
    expect(droppedKeys.length).toBeGreaterThan(100);
  });

  it("accepts a bundle that uses only kept keys", () => {
    expect(shelliaCatalogueProblems('t("ask.preview.title")')).toEqual([]);
  });

  it("names each dropped key the bundle uses", () => {
    const [dropped] = droppedKeys;
    expect(shelliaCatalogueProblems(`t("ask.preview.title"); t("${dropped}")`)).toEqual([
      `uses "${dropped}", from a catalogue its bundle drops`,
    ]);
  });

  it("refuses a bundle with no kept message", () => {
    expect(shelliaCatalogueProblems("")).toHaveLength(1);
  });
});
