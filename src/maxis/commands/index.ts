import type { InteractionHandlers } from "../../shared/discord/handlers";
import { ping } from "./ping";

/** Every Maxis command, component and modal. `npm run register -- maxis` registers these commands. */
export const maxisHandlers: InteractionHandlers<MaxisEnv> = {
  commands: [ping],
};
