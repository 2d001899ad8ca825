/**
 * How the dashboard talks to Maxis: JSON over fetch with the session cookie (credentials: "include"),
 * the reader's language as Accept-Language, a time limit, and Maxis's `{"error":{"code","message"}}`
 * turned into an ApiError. Mutations are JSON POSTs, which browsers never send cross-site without a
 * CORS preflight; Maxis also checks their Origin.
 */
import type { Locale } from "../i18n";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** What a conditional GET gave: fresh data with its validator, or "not modified". */
export type Conditional<T> = { changed: true; data: T; etag: string | null } | { changed: false };

/** A call Maxis has not answered within this long is reported as slow rather than left spinning. */
export const REQUEST_TIMEOUT_MS = 15_000;

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface Transport {
  base: string;
  request: <T>(method: Method, path: string, body?: unknown, etag?: string | null) => Promise<Conditional<T>>;
  get: <T>(path: string) => Promise<T>;
  write: <T>(path: string, body?: unknown, method?: Exclude<Method, "GET">) => Promise<T>;
  /** A file (a CSV export) as the browser should save it. */
  download: (path: string, accept: string) => Promise<Blob>;
}

/**
 * `language` is the dashboard's current language: sent as Accept-Language, so Maxis writes its error
 * messages in the language the reader chose here, whatever their browser's settings.
 */
export function createTransport(base: string, onUnauthorized: () => void, language: () => Locale): Transport {
  async function send(path: string, init: RequestInit & { headers: Record<string, string> }) {
    try {
      return await fetch(`${base}${path}`, {
        ...init,
        headers: { ...init.headers, "Accept-Language": language() },
        credentials: "include",
        cache: "no-store",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      const slow = error instanceof DOMException && error.name === "TimeoutError";
      throw new ApiError(0, slow ? "timeout" : "network", "");
    }
  }

  async function request<T>(method: Method, path: string, body?: unknown, etag?: string | null) {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (etag) headers["If-None-Match"] = etag;
    const res = await send(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (res.status === 304) return { changed: false } as const;
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      // A proxy's or a crashing Worker's HTML page: no message to show, the reader gets ours.
    }
    if (!res.ok) {
      const error = (json as { error?: { code?: string; message?: string } } | null)?.error;
      if (res.status === 401) onUnauthorized();
      // An empty message makes the page fall back to its own, localized one.
      throw new ApiError(res.status, error?.code ?? "http_error", error?.message ?? "");
    }
    return { changed: true, data: json as T, etag: res.headers.get("ETag") } as const;
  }

  /** A call that is not conditional: "not modified" cannot happen, so it is an error if it does. */
  async function fresh<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const result = await request<T>(method, path, body);
    if (!result.changed) throw new ApiError(304, "not_modified", "not modified");
    return result.data;
  }

  return {
    base,
    request,
    get: (path) => fresh("GET", path),
    write: (path, body = {}, method = "POST") => fresh(method, path, body),
    download: async (path, accept) => {
      const res = await send(path, { headers: { Accept: accept } });
      if (res.status === 401) onUnauthorized();
      if (!res.ok) throw new ApiError(res.status, "http_error", "");
      return res.blob();
    },
  };
}
