/**
 * Requests the stand-in keeps waiting until a test lets them go, so that a test can put its own step
 * between two of Maxis's Discord calls (e.g. close a ticket while its thread is being opened) without
 * sleeping and hoping:
 *   POST /__local/holds {"method","pathPattern","bodyIncludes"?}  → {"id"}: holds the next matching request
 *   GET  /__local/holds/{id}                                       → {"waiting": true|false}
 *   POST /__local/holds/{id}/release                               answers it (and forgets the hold)
 * Each test releases only its own hold, so tests running side by side never free each other's.
 */
import type { Hono } from "hono";

interface Hold {
  id: string;
  method: string;
  pathPattern: string;
  bodyIncludes?: string;
  /** Set once a request is caught: answering it. */
  release?: () => void;
}

export function createHolds(app: Hono) {
  const holds = new Map<string, Hold>();
  let next = 0;

  app.post("/__local/holds", async (c) => {
    const asked = (await c.req.json()) as Partial<Hold>;
    if (typeof asked.method !== "string" || typeof asked.pathPattern !== "string") {
      return c.json({ message: '{"method", "pathPattern"} and optionally "bodyIncludes"' }, 400);
    }
    const id = String(++next);
    holds.set(id, { ...asked, id, method: asked.method, pathPattern: asked.pathPattern });
    return c.json({ id });
  });
  app.get("/__local/holds/:id", (c) => {
    const hold = holds.get(c.req.param("id"));
    return hold ? c.json({ waiting: hold.release !== undefined }) : c.json({ message: "no such hold" }, 404);
  });
  app.post("/__local/holds/:id/release", (c) => {
    const hold = holds.get(c.req.param("id"));
    if (!hold) return c.json({ message: "no such hold" }, 404);
    // Forgotten once released: a hold released before any request arrived catches none.
    holds.delete(hold.id);
    hold.release?.();
    return c.body(null, 204);
  });

  return {
    /** Resolves at once, or when its hold is released if one matches (each hold catches one request). */
    pass(method: string, path: string, body: string): Promise<void> {
      const hold = [...holds.values()].find(
        (h) =>
          !h.release &&
          h.method === method &&
          new RegExp(h.pathPattern).test(path) &&
          (h.bodyIncludes === undefined || body.includes(h.bodyIncludes)),
      );
      if (!hold) return Promise.resolve();
      return new Promise((resolve) => {
        hold.release = resolve;
      });
    },
  };
}
