import { defineMessages } from "../define";

/** Maxis's own basics: /ping. */
export const maxisCore = /* @__PURE__ */ defineMessages(
  {
    "command.ping.description": "Check that Maxis and its database answer",
    "ping.ok": "Pong! The database answered in {ms} ms (signed in as {appRole}).",
    "ping.database_down": "Pong, but the database did not answer. The team has been told in the logs.",
  },
  {
    "command.ping.description": "Vérifier que Maxis et sa base de données répondent",
    "ping.ok": "Pong ! La base de données a répondu en {ms} ms (connecté en tant que {appRole}).",
    "ping.database_down":
      "Pong, mais la base de données n'a pas répondu. L'équipe est prévenue par les journaux.",
  },
);
