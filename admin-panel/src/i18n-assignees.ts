/** The ticket page's assignee picker (issue 11 §4): everyone who may take the ticket, searchable. */
export const assigneesEn = {
  "assignees.search": "Find a staff member…",
  "assignees.searchLabel": "Assign to",
  "assignees.loading": "Loading the staff…",
  "assignees.none": "Nobody who may take this ticket matches.",
  "assignees.partial": "Large server: type a name to find the others.",
  "assignees.unassign": "Nobody (unassign)",
} as const;

export const assigneesFr: Record<keyof typeof assigneesEn, string> = {
  "assignees.search": "Trouver un membre de l'équipe…",
  "assignees.searchLabel": "Assigner à",
  "assignees.loading": "Chargement de l'équipe…",
  "assignees.none": "Personne pouvant prendre ce ticket ne correspond.",
  "assignees.partial": "Grand serveur : tapez un nom pour trouver les autres.",
  "assignees.unassign": "Personne (retirer l'assignation)",
};
