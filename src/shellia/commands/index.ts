import type { InteractionHandlers } from "../../shared/discord/handlers";
import { ask, askButtons } from "./ask";
import { maxis } from "./maxis";

/** Every Shellia command. `npm run register -- shellia` registers these. */
export const shelliaHandlers: InteractionHandlers<ShelliaEnv> = {
  commands: [maxis, ask],
  components: [askButtons],
};
