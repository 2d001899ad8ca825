/**
 * How scripts/check-imports.ts tells a folder cycle that dependency-cruiser found: the folders in
 * order, and for each step one import that makes it. Pure.
 */

/** One import: the importing file and the imported file, paths relative to the repository. */
export type FileImport = readonly [from: string, to: string];

const folderOf = (file: string) => (file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : ".");
const under = (file: string, folder: string) => file.startsWith(`${folder}/`);

/**
 * For each step `a → b` of `path`, one import that makes it as dependency-cruiser counts folders: a
 * file anywhere under `a` importing a file directly in `b`, `b` not inside `a`.
 */
export function stepImports(path: readonly string[], imports: readonly FileImport[]): FileImport[] {
  return path.slice(1).flatMap((to, step) => {
    const from = path[step] ?? "";
    const found = imports.find(
      ([file, imported]) => under(file, from) && folderOf(imported) === to && !under(imported, from),
    );
    return found ? [found] : [];
  });
}

/** A cycle met from each of its folders, written once: it starts at its first folder by name. */
export function cycleKey(path: readonly string[]): string {
  const loop = path.slice(0, -1);
  const first = loop.indexOf([...loop].sort()[0] ?? "");
  return [...loop.slice(first), ...loop.slice(0, first), loop[first]].join(" → ");
}

export function describeFolderCycle(path: readonly string[], imports: readonly FileImport[]): string {
  const lines = [`Import cycle between folders: ${cycleKey(path)}`];
  const start = path.indexOf(cycleKey(path).split(" → ")[0] ?? "");
  const ordered = [...path.slice(start, -1), ...path.slice(0, start), path[start] ?? ""];
  for (const [from, to] of stepImports(ordered, imports)) lines.push(`  ${from} imports ${to}`);
  return lines.join("\n");
}
