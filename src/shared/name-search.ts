/**
 * "Does this name contain what was typed?", ignoring case and accents ("bea" finds "Béa"): the
 * assignee list's search, the same on Maxis's API and in the dashboard's picker.
 */
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();

export function nameMatches(name: string | null, query: string): boolean {
  const wanted = fold(query.trim());
  if (!wanted) return true;
  return name !== null && fold(name).includes(wanted);
}
