/**
 * What the one-case tools (`bench:cpu`, `bench:profile`) share: the case and seconds from the command
 * line (`<case> [seconds]`), the load stack, the generator thread and the case's settings, all
 * stopped when `body` is done or throws.
 */
import type { CaseName, CaseSettings } from "./cases";
import type { RoundRequest, RoundResult } from "./generator";
import { generatorThread } from "./run";
import { type LoadStack, type LoadStackOptions, startLoadStack } from "./stack";

export interface OneCase {
  name: CaseName;
  seconds: number;
  stack: LoadStack;
  settings: CaseSettings;
  round: (request: RoundRequest) => Promise<RoundResult>;
}

export async function withOneCase(
  defaultCase: CaseName,
  options: LoadStackOptions,
  body: (run: OneCase) => Promise<void>,
): Promise<void> {
  const name = (process.argv[2] ?? defaultCase) as CaseName;
  const seconds = Number(process.argv[3] ?? 5);
  const stack = await startLoadStack(options);
  const generator = generatorThread();
  try {
    const settings: CaseSettings = {
      urls: stack.urls,
      discordPrivateKey: stack.discordPrivateKey,
      giveawayId: "",
    };
    await body({ name, seconds, stack, settings, round: generator.round });
  } finally {
    await generator.stop();
    await stack.stop();
  }
}
