import { z } from 'zod';
import type { Ack } from '../../../common/errors.js';
import {
  classListSchema,
  loginResponseSchema,
  userSchema,
  type ClassSummary,
  type LoginRequest,
  type LoginResponse,
  type User,
} from '../../../common/protocol/auth.js';
import { appErrorSchema, codeForStatus, failure, toAppError } from './appError.js';

/** What the stores need from the HTTP API; every call resolves to an Ack and never throws. */
export interface ApiPort {
  login(request: LoginRequest): Promise<Ack<LoginResponse>>;
  me(token: string): Promise<Ack<User>>;
  classes(token: string): Promise<Ack<ClassSummary[]>>;
  /** Ends the session on the server (204, no body). */
  logout(token: string): Promise<Ack<null>>;
}

export interface ApiClientOptions {
  /** Origin of the server, e.g. `https://school.example` (no trailing slash). */
  baseUrl: () => Promise<string>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

interface RequestOptions {
  method: 'GET' | 'POST';
  token?: string;
  body?: unknown;
  /** Only idempotent requests may be retried, and only after a network failure or a timeout. */
  retries?: number;
}

const errorBodySchema = z.object({ error: appErrorSchema });

export class ApiClient implements ApiPort {
  readonly #baseUrl: () => Promise<string>;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(options: ApiClientOptions) {
    this.#baseUrl = options.baseUrl;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  login(request: LoginRequest): Promise<Ack<LoginResponse>> {
    return this.#request('/api/auth/login', loginResponseSchema, { method: 'POST', body: request });
  }

  me(token: string): Promise<Ack<User>> {
    return this.#request('/api/me', userSchema, { method: 'GET', token, retries: 1 });
  }

  classes(token: string): Promise<Ack<ClassSummary[]>> {
    return this.#request('/api/classes', classListSchema, { method: 'GET', token, retries: 1 });
  }

  async logout(token: string): Promise<Ack<null>> {
    const reply = await this.#request('/api/auth/logout', z.unknown(), { method: 'POST', token, retries: 1 });
    return reply.ok ? { ok: true, data: null } : reply;
  }

  async #request<T>(path: string, schema: z.ZodType<T>, options: RequestOptions): Promise<Ack<T>> {
    let attempt = 0;
    for (;;) {
      const reply = await this.#once(path, schema, options);
      const transient = !reply.ok && (reply.error.code === 'UNAVAILABLE' || reply.error.code === 'TIMEOUT');
      if (!transient || attempt >= (options.retries ?? 0)) return reply;
      attempt += 1;
    }
  }

  async #once<T>(path: string, schema: z.ZodType<T>, options: RequestOptions): Promise<Ack<T>> {
    let base: string;
    try {
      base = await this.#baseUrl();
    } catch (error) {
      return failure('UNAVAILABLE', error instanceof Error ? error.message : 'no server address');
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    try {
      let response: Response;
      try {
        response = await this.#fetch(`${base}${path}`, {
          method: options.method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: controller.signal,
          credentials: 'omit',
        });
      } catch (error) {
        if (controller.signal.aborted) return failure('TIMEOUT', `${options.method} ${path} timed out`);
        return failure('UNAVAILABLE', error instanceof Error ? error.message : 'network error');
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        if (controller.signal.aborted) return failure('TIMEOUT', `${options.method} ${path} timed out`);
        body = undefined;
      }
      if (!response.ok) {
        const parsed = errorBodySchema.safeParse(body);
        if (parsed.success) return { ok: false, error: toAppError(parsed.data.error) };
        return failure(codeForStatus(response.status), `HTTP ${response.status} on ${path}`);
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) return failure('INTERNAL', `unexpected response from ${path}: ${parsed.error.message}`);
      return { ok: true, data: parsed.data };
    } finally {
      clearTimeout(timer);
    }
  }
}
