/**
 * Import cycles between folders. A folder is the directory of a file; folder A depends on folder B
 * when a file directly in A imports a file directly in B. A folder and its own subfolders are one
 * feature: a feature's entry may import its subfolders and a subfolder may use its parent's shared
 * modules, so edges between a folder and its ancestors or descendants are not counted (a cycle
 * between files there is Biome's `noImportCycles`). Every other folder edge must form a DAG. Pure.
 */

/** One import: the importing file and the imported file, paths relative to the repository. */
export type FileImport = readonly [from: string, to: string];

export interface FolderCycle {
  /** The folders of one cycle, the first repeated at the end: a → b → a. */
  path: string[];
  /** For each step of `path`, one import that makes it. */
  because: FileImport[];
  /** Every folder caught in cycles with these (more than `path` when cycles overlap). */
  tangled: string[];
}

const folderOf = (file: string) => (file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : ".");
const within = (folder: string, ancestor: string) =>
  ancestor === "." || folder === ancestor || folder.startsWith(`${ancestor}/`);

/** The folder graph: for each edge, the first import seen that makes it. */
export function folderEdges(imports: Iterable<FileImport>): Map<string, Map<string, FileImport>> {
  const edges = new Map<string, Map<string, FileImport>>();
  for (const fileImport of imports) {
    const [from, to] = [folderOf(fileImport[0]), folderOf(fileImport[1])];
    if (within(from, to) || within(to, from)) continue;
    const out = edges.get(from) ?? new Map<string, FileImport>();
    if (!out.has(to)) out.set(to, fileImport);
    edges.set(from, out);
  }
  return edges;
}

/** Strongly connected components of more than one folder (Tarjan), each sorted. */
function tangles(edges: Map<string, Map<string, FileImport>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (folder: string) => {
    index.set(folder, index.size);
    low.set(folder, index.size - 1);
    stack.push(folder);
    onStack.add(folder);
    for (const next of edges.get(folder)?.keys() ?? []) {
      if (!index.has(next)) visit(next);
      if (onStack.has(next)) low.set(folder, Math.min(low.get(folder) ?? 0, low.get(next) ?? 0));
    }
    if (low.get(folder) !== index.get(folder)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== folder);
    if (component.length > 1) found.push(component.sort());
  };
  for (const folder of [...edges.keys()].sort()) if (!index.has(folder)) visit(folder);
  return found.sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));
}

/** The shortest way from `start` back to itself inside `members` (breadth first). */
function shortestLoop(edges: Map<string, Map<string, FileImport>>, start: string, members: Set<string>) {
  const cameFrom = new Map<string, string>();
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const folder of frontier) {
      for (const to of [...(edges.get(folder)?.keys() ?? [])].sort()) {
        if (!members.has(to) || cameFrom.has(to)) continue;
        cameFrom.set(to, folder);
        if (to === start) {
          const path = [start];
          for (let at = folder; at !== start; at = cameFrom.get(at) ?? start) path.unshift(at);
          path.unshift(start);
          return path;
        }
        next.push(to);
      }
    }
    frontier = next;
  }
  return [start];
}

/** One cycle for each tangle of folders, shortest first from its first folder by name. */
export function folderCycles(imports: Iterable<FileImport>): FolderCycle[] {
  const edges = folderEdges(imports);
  return tangles(edges).map((tangled) => {
    const path = shortestLoop(edges, tangled[0] ?? "", new Set(tangled));
    const because = path.slice(1).map((to, step) => {
      const fileImport = edges.get(path[step] ?? "")?.get(to);
      if (!fileImport) throw new Error(`no edge ${path[step]} → ${to}`);
      return fileImport;
    });
    return { path, because, tangled };
  });
}

/** A cycle as the check prints it. */
export function describeCycle(cycle: FolderCycle): string {
  const lines = [`Import cycle between folders: ${cycle.path.join(" → ")}`];
  for (const [from, to] of cycle.because) lines.push(`  ${from} imports ${to}`);
  if (cycle.tangled.length > cycle.path.length - 1)
    lines.push(`  (folders tangled with it: ${cycle.tangled.join(", ")})`);
  return lines.join("\n");
}
