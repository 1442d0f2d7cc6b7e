import type { ErrorCode } from '@rapport/protocol';

/** A failed call, from the server's `{ error: { code, message } }` or from the network. */
export class ApiError extends Error {
  override readonly name = 'ApiError' as const;
  /** The server's code, `network` when no answer came, `http` for a non-JSON error page. */
  readonly code: ErrorCode | (string & {});
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** Seconds from `Retry-After` on a 429, when the server sent one. */
  readonly retryAfter: number | undefined;
  readonly details: unknown;

  constructor(
    code: string,
    message: string,
    status: number,
    extra: { retryAfter?: number; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.code = code;
    this.status = status;
    this.retryAfter = extra.retryAfter;
    this.details = extra.details;
  }
}

/** True for an {@link ApiError}, also across bundles (checks `name`). */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof Error && value.name === 'ApiError';
}

/**
 * A sentence for the person looking at the page: the server's message when it sent one,
 * never a stack trace.
 */
export function errorText(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Reload the page and try again.';
  if (error.code === 'network') return 'The server cannot be reached. Check your connection.';
  if (error.code === 'rate_limited') {
    return error.retryAfter !== undefined
      ? `Too many attempts, try again in ${error.retryAfter} s.`
      : 'Too many attempts, try again in a moment.';
  }
  return error.message;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Query parameters; `undefined` and empty values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as `X-Rapport-Project`, which the admin API needs to pick the project. */
  project?: string;
}

/** Where the client gets what it sends on every call. */
export interface ClientContext {
  /** The session's CSRF token, sent as `X-CSRF-Token` on every write. */
  csrfToken(): string | undefined;
  /** Called on any 401, so the app can show the sign-in page. */
  onUnauthorized?(error: ApiError): void;
}

/** A JSON-over-HTTP client for the console API: same-origin cookies, CSRF header, typed errors. */
export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
}

/**
 * Creates the one HTTP client the console uses. Resolves with the parsed body (`undefined`
 * for 204), rejects with an {@link ApiError}.
 * @example
 * const api = createApiClient({ csrfToken: () => store.session.value?.csrfToken });
 * await api.request('/v1/console/sign-in', { method: 'POST', body: { email, password } });
 */
export function createApiClient(
  context: ClientContext,
  // Looked up on each call, so a test's msw (which patches fetch later) is seen.
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
): ApiClient {
  return {
    async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
      const method = options.method ?? 'GET';
      const headers: Record<string, string> = { accept: 'application/json' };
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const token = context.csrfToken();
      if (method !== 'GET' && token) headers['x-csrf-token'] = token;
      if (options.project) headers['x-rapport-project'] = options.project;
      let response: Response;
      try {
        response = await fetchImpl(withQuery(path, options.query), {
          method,
          headers,
          credentials: 'same-origin',
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
        });
      } catch (cause) {
        throw new ApiError('network', 'The server cannot be reached.', 0, { cause });
      }
      if (response.ok) return (await readJson(response)) as T;
      const error = await toApiError(response);
      if (error.status === 401) context.onUnauthorized?.(error);
      throw error;
    },
  };
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ApiError(
      'http',
      'The server sent an answer the console cannot read.',
      response.status,
      {
        cause,
      },
    );
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const retry = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? Math.ceil(retry) : undefined;
  let body: unknown;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } })
    ?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError(error.code, error.message, response.status, {
      retryAfter,
      details: error.details,
    });
  }
  return new ApiError(
    'http',
    `The server answered ${response.status} ${response.statusText}`.trim(),
    response.status,
    { retryAfter },
  );
}
