/** The ticket page's assignee picker (issue 11 §4): everyone who may take the ticket, searchable. */
export const assigneesEn = {
  "assignees.search": "Find a staff member…",
  "assignees.searchLabel": "Assign to",
  "assignees.loading": "Loading the staff…",
  "assignees.none": "Nobody who may take this ticket matches.",
  "assignees.partial": "Large server: type a name to find the others.",
  "assignees.noMembersIntent":
    "Discord does not give Maxis this server's member list (the Server Members intent is off): only the people Maxis already knows are listed. An admin can turn it on; /setup says how.",
  "assignees.discordUnavailable":
    "Discord could not be reached: only the people Maxis already knows are listed. Try again in a moment.",
  "assignees.unassign": "Nobody (unassign)",
} as const;

export const assigneesFr: Record<keyof typeof assigneesEn, string> = {
  "assignees.search": "Trouver un membre de l'équipe…",
  "assignees.searchLabel": "Assigner à",
  "assignees.loading": "Chargement de l'équipe…",
  "assignees.none": "Personne pouvant prendre ce ticket ne correspond.",
  "assignees.partial": "Grand serveur : tapez un nom pour trouver les autres.",
  "assignees.noMembersIntent":
    "Discord ne donne pas à Maxis la liste des membres de ce serveur (l'intent Server Members est désactivé) : seules les personnes que Maxis connaît déjà sont listées. Un administrateur peut l'activer ; /setup explique comment.",
  "assignees.discordUnavailable":
    "Discord est injoignable : seules les personnes que Maxis connaît déjà sont listées. Réessayez dans un instant.",
  "assignees.unassign": "Personne (retirer l'assignation)",
};
