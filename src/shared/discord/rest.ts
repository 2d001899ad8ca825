/**
 * A small Discord REST client for Workers: honours 429 `retry_after` and the `X-RateLimit-*` buckets,
 * retries idempotent calls on 5xx, and never retries a request Discord called invalid
 * (Discord bans IPs that send 10,000 invalid requests in 10 minutes).
 */

export const DISCORD_API_BASE = "https://discord.com/api/v10";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface FileAttachment {
  name: string;
  contentType: string;
  data: string | Uint8Array<ArrayBuffer>;
}

export interface RequestOptions {
  body?: unknown;
  files?: readonly FileAttachment[];
  /** Shown in the server's audit log. */
  auditLogReason?: string;
}

export interface DiscordRestOptions {
  baseUrl?: string;
  /** Bot token; webhook (interaction follow-up) routes need none. */
  botToken?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
  /** Longest rate-limit wait we accept inside one request before failing instead. */
  maxWaitMs?: number;
}

export class DiscordApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: HttpMethod,
    readonly path: string,
    readonly body: unknown,
  ) {
    super(`Discord API ${method} ${path} failed with HTTP ${status}`);
    this.name = "DiscordApiError";
  }
}

const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(["GET", "PUT", "DELETE", "PATCH"]);

/** Rate limits are per route with major parameters (channel, guild, webhook) kept and other ids folded. */
export function routeKey(method: HttpMethod, path: string): string {
  return `${method} ${path.replace(/(?<!^\/(?:channels|guilds|webhooks))\/\d{5,}/g, "/:id")}`;
}

export class DiscordRest {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxAttempts: number;
  private readonly maxWaitMs: number;
  /** Route → bucket id, and bucket id → when it refills (ms epoch), learned from response headers. */
  private readonly bucketOfRoute = new Map<string, string>();
  private readonly bucketResetAt = new Map<string, number>();
  private globalResetAt = 0;

  constructor(private readonly options: DiscordRestOptions = {}) {
    this.baseUrl = options.baseUrl ?? DISCORD_API_BASE;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxAttempts = options.maxAttempts ?? 3;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
  }

  async request<T = unknown>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const route = routeKey(method, path);
    for (let attempt = 1; ; attempt++) {
      await this.waitForBucket(method, route);
      const response = await this.fetchImpl(`${this.baseUrl}${path}`, this.buildInit(method, options));
      this.learnBucket(route, response.headers);

      if (response.status === 429) {
        const body = (await response.json().catch(() => ({}))) as { retry_after?: number; global?: boolean };
        const waitMs = Math.ceil(
          (body.retry_after ?? Number(response.headers.get("Retry-After") ?? 1)) * 1000,
        );
        if (body.global) this.globalResetAt = Date.now() + waitMs;
        if (attempt >= this.maxAttempts || waitMs > this.maxWaitMs) {
          throw new DiscordApiError(429, method, path, body);
        }
        await this.sleep(waitMs);
        continue;
      }
      if (response.status >= 500 && IDEMPOTENT.has(method) && attempt < this.maxAttempts) {
        await this.sleep(250 * 2 ** (attempt - 1));
        continue;
      }
      if (!response.ok) {
        throw new DiscordApiError(response.status, method, path, await readBody(response));
      }
      return (await readBody(response)) as T;
    }
  }

  private buildInit(method: HttpMethod, options: RequestOptions): RequestInit {
    const headers = new Headers({ "User-Agent": "DiscordBot (https://github.com/shellia-maxis, 0.1.0)" });
    if (this.options.botToken) headers.set("Authorization", `Bot ${this.options.botToken}`);
    if (options.auditLogReason) headers.set("X-Audit-Log-Reason", encodeURIComponent(options.auditLogReason));
    if (options.files?.length) {
      const form = new FormData();
      form.set("payload_json", JSON.stringify(options.body ?? {}));
      options.files.forEach((file, index) => {
        form.set(`files[${index}]`, new Blob([file.data], { type: file.contentType }), file.name);
      });
      return { method, headers, body: form };
    }
    if (options.body !== undefined) {
      headers.set("Content-Type", "application/json");
      return { method, headers, body: JSON.stringify(options.body) };
    }
    return { method, headers };
  }

  private async waitForBucket(method: HttpMethod, route: string): Promise<void> {
    const bucket = this.bucketOfRoute.get(route);
    const resetAt = Math.max(this.globalResetAt, bucket ? (this.bucketResetAt.get(bucket) ?? 0) : 0);
    const waitMs = resetAt - Date.now();
    if (waitMs > 0) {
      if (waitMs > this.maxWaitMs)
        throw new DiscordApiError(429, method, route, { retry_after: waitMs / 1000 });
      await this.sleep(waitMs);
    }
  }

  private learnBucket(route: string, headers: Headers): void {
    const bucket = headers.get("X-RateLimit-Bucket");
    if (!bucket) return;
    // Interaction tokens make webhook routes unique; forget old routes rather than grow without bound.
    if (this.bucketOfRoute.size > 1000) this.bucketOfRoute.clear();
    this.bucketOfRoute.set(route, bucket);
    const remaining = Number(headers.get("X-RateLimit-Remaining"));
    const resetAfter = Number(headers.get("X-RateLimit-Reset-After"));
    if (remaining === 0 && Number.isFinite(resetAfter)) {
      this.bucketResetAt.set(bucket, Date.now() + resetAfter * 1000);
    } else {
      this.bucketResetAt.delete(bucket);
    }
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
