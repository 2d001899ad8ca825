/**
 * What may import what in the product (src/, admin-panel/src/), type-only imports included. Checked
 * by `npm run typecheck` (scripts/check-imports.ts); `npx depcruise src admin-panel/src` shows the
 * same. Tooling (scripts/, test/, bench/) is left out: it may reach into the product both ways (a
 * test of src/ using a scripts/ helper); Biome's noImportCycles still keeps its files acyclic.
 * @type {import("dependency-cruiser").IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "shared-imports-no-worker",
      comment: "src/shared is what both Workers and the dashboard use: it imports neither Worker.",
      severity: "error",
      from: { path: "^src/shared/" },
      to: { path: "^src/(maxis|shellia)/" },
    },
    {
      name: "shellia-imports-no-maxis",
      comment: "Shellia talks to Maxis over the signed control API (src/shared/control), never by its code.",
      severity: "error",
      from: { path: "^src/shellia/" },
      to: { path: "^src/maxis/" },
    },
    {
      name: "maxis-imports-no-shellia",
      comment: "Maxis answers Shellia over the control API; it never imports Shellia's code.",
      severity: "error",
      from: { path: "^src/maxis/" },
      to: { path: "^src/shellia/" },
    },
    {
      name: "dashboard-imports-shared-only",
      comment:
        "The dashboard sees the Workers through src/shared (the API's contracts), not their internals.",
      severity: "error",
      from: { path: "^admin-panel/" },
      to: { path: "^src/", pathNot: "^src/shared/" },
    },
    {
      name: "no-folder-cycle",
      comment:
        "Folders of the product import each other one way (a folder counts with its subfolders; see ARCHITECTURE.md, 'Folders').",
      severity: "error",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-file-cycle",
      comment: "No file imports itself back, type imports included (Biome's noImportCycles checks the same).",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/|^(scripts|test|bench)/" },
  },
};
