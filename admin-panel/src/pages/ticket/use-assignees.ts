import { useEffect, useState } from "preact/hooks";
import type { AssigneeListGap, Person } from "../../api";
import { useApp } from "../../context";

/** How long typing pauses before a big server is searched on Discord (through Maxis). */
const SEARCH_DELAY_MS = 300;

export interface Assignees {
  /** Null until the first answer. */
  people: Person[] | null;
  /** False for a server too big to list whole: searches then ask Maxis. */
  complete: boolean | null;
  /** Why the list is not complete (Maxis's answer), for the picker's note. */
  incomplete: AssigneeListGap | null;
  error: unknown;
}

/**
 * Everyone who may take ticket `number`, fetched when the picker first opens (and again for another
 * ticket). A complete list is searched here; for a server too big to list, each search (after a pause
 * in typing) asks Maxis, which asks Discord's member search.
 */
export function useAssignees(number: number, open: boolean, query: string): Assignees {
  const { api } = useApp();
  const [state, setState] = useState<Assignees>({
    people: null,
    complete: null,
    incomplete: null,
    error: null,
  });
  const [loadedFor, setLoadedFor] = useState<number | null>(null);

  useEffect(() => {
    setState({ people: null, complete: null, incomplete: null, error: null });
    setLoadedFor(null);
  }, [number]);

  const wanted = state.complete === false ? query.trim() : "";
  useEffect(() => {
    if (!open || (loadedFor === number && !wanted)) return;
    let current = true;
    const timer = setTimeout(
      () => {
        api
          .assignees(number, wanted)
          .then((answer) => {
            if (!current) return;
            setState({
              people: answer.assignees,
              complete: answer.complete,
              incomplete: answer.incomplete,
              error: null,
            });
            setLoadedFor(number);
          })
          .catch((error: unknown) => {
            if (current) setState((before) => ({ ...before, error }));
          });
      },
      wanted ? SEARCH_DELAY_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [number, open, wanted, loadedFor]);

  return state;
}
