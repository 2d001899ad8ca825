import type { MiddlewareHandler } from "hono";

/**
 * Nothing the API answers may be kept by a browser or a proxy: threads carry internal notes and audit
 * history. Set after the route ran, so errors, CSRF refusals, preflights and 304s carry it too.
 */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
};
