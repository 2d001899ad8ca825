/** Slash commands sent to the browser stack's Maxis as Discord would send them (signed), as a member. */
import { inject } from "vitest";
import { loadCommandDefinitions } from "../../../scripts/lib/commands";
import { discordSignatureHeaders } from "../../../scripts/lib/ed25519";
import { type Actor, commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";

/** Maxis's answer to `line` typed by `actor` in the browser tests' server, as JSON text. */
export async function maxisAnswer(line: string, actor: Actor): Promise<string> {
  const stack = inject("browserStack");
  const commands = await loadCommandDefinitions("maxis");
  const interaction = commandInteraction(
    { guildId: stack.guildId, ...actor },
    parseCommandLine(line, commands),
  );
  const body = JSON.stringify(interaction);
  const res = await fetch(`${stack.maxisUrl}/interactions`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(await discordSignatureHeaders(inject("discordPrivateKey"), body)),
    },
    body,
  });
  return JSON.stringify(await res.json());
}
