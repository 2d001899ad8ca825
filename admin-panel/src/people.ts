import { MAX_PEOPLE_PER_REQUEST, type Person } from "./api";

/** After a failed lookup, or an answer without a name, the same ids are asked again no sooner than this. */
const RETRY_AFTER_MS = 30_000;

export interface PeopleDirectory {
  /** The person if known; otherwise undefined, and the id is looked up (batched with others). */
  get(id: string): Person | undefined;
}

/**
 * Names and avatars of the people the dashboard shows, fetched as pages ask for them and kept for the
 * session: every id asked for during one render goes out in a single request (50 at most each), and
 * `onChange` runs once the answers are in, so the pages render again with the names.
 */
export function createPeopleDirectory(
  fetchPeople: (ids: string[]) => Promise<Person[]>,
  onChange: () => void,
  schedule: (run: () => void, ms: number) => unknown = setTimeout,
): PeopleDirectory {
  const known = new Map<string, Person>();
  const asked = new Set<string>();
  let queued: string[] = [];

  const flush = async () => {
    const ids = queued;
    queued = [];
    let changed = false;
    for (let i = 0; i < ids.length; i += MAX_PEOPLE_PER_REQUEST) {
      const batch = ids.slice(i, i + MAX_PEOPLE_PER_REQUEST);
      try {
        const nameless: string[] = [];
        for (const person of await fetchPeople(batch)) {
          known.set(person.id, person);
          if (person.name === null) nameless.push(person.id);
        }
        changed = true;
        // No name: the user left the server, or Discord did not answer Maxis this time (which Maxis
        // does not remember). Asked again later, and the pages render again to ask.
        if (nameless.length > 0) {
          schedule(() => {
            for (const id of nameless) {
              known.delete(id);
              asked.delete(id);
            }
            onChange();
          }, RETRY_AFTER_MS);
        }
      } catch {
        schedule(() => {
          for (const id of batch) asked.delete(id);
        }, RETRY_AFTER_MS);
      }
    }
    if (changed) onChange();
  };

  return {
    get(id) {
      const person = known.get(id);
      if (person || asked.has(id) || !/^\d{1,20}$/.test(id)) return person;
      asked.add(id);
      queued.push(id);
      if (queued.length === 1) schedule(() => void flush(), 0);
      return undefined;
    },
  };
}
