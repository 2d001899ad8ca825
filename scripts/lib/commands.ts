import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord-api-types/v10";

export type WorkerName = "shellia" | "maxis";

export function isWorkerName(value: string | undefined): value is WorkerName {
  return value === "shellia" || value === "maxis";
}

/**
 * The command definitions a Worker registers, read from the same modules that handle them
 * (`src/<worker>/commands/index.ts`), so what is registered and what runs cannot drift apart.
 */
export async function loadCommandDefinitions(
  worker: WorkerName,
): Promise<RESTPostAPIChatInputApplicationCommandsJSONBody[]> {
  const module: Record<string, { commands: { data: RESTPostAPIChatInputApplicationCommandsJSONBody }[] }> =
    await import(new URL(`../../src/${worker}/commands/index.ts`, import.meta.url).href);
  const handlers = module[`${worker}Handlers`];
  if (!handlers) throw new Error(`src/${worker}/commands/index.ts does not export ${worker}Handlers`);
  return handlers.commands.map((command) => command.data);
}
