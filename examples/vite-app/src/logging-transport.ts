import type { Transport, TransportRequest, TransportResponse } from '@rapport/sdk';

/** One request as the log sees it. */
export interface RequestLogEntry {
  method: TransportRequest['method'];
  /** Path without the query string (the query can carry a user id and hash). */
  path: string;
  /** HTTP status, or `'network error'` when the request never got an answer. */
  outcome: number | 'network error';
  durationMs: number;
  /** The id this transport sent as `X-Request-Id`. */
  requestId: string;
  /** The id the server answered with; equal to `requestId` when the header reached it. */
  echoedId: string | undefined;
}

/** Options for {@link withRequestLog}. */
export interface RequestLogOptions {
  /**
   * Makes the `X-Request-Id` sent with each request. The Rapport server keeps an id it is
   * given (letters, digits, `_ . : -`, up to 128), logs it and echoes it back, so one id
   * follows the request through your logs and Rapport's.
   * @default () => `web-${crypto.randomUUID()}`
   * @example () => `ledgerly-${session.id}-${counter++}`
   */
  requestId?: () => string;
  /**
   * Called once per request, after it settles.
   * @example (entry) => console.debug('rapport', entry)
   */
  onRequest?: (entry: RequestLogEntry) => void;
}

/**
 * Wraps any transport to tag and observe every request — the shape of most custom transports:
 * decorate the default one instead of rewriting fetch. A network failure is logged and
 * re-thrown unchanged, so the SDK's outbox still sees it and retries.
 *
 * @example
 * ```ts
 * const transport = withRequestLog(httpTransport({ endpoint }), { onRequest: console.debug });
 * const client = createClient({ key: 'pk_demo', endpoint, transport });
 * ```
 */
export function withRequestLog(inner: Transport, options: RequestLogOptions = {}): Transport {
  const nextId = options.requestId ?? (() => `web-${crypto.randomUUID()}`);
  return {
    async send(request) {
      const requestId = nextId();
      const startedAt = performance.now();
      const log = (outcome: RequestLogEntry['outcome'], response?: TransportResponse) =>
        options.onRequest?.({
          method: request.method,
          path: request.path.split('?')[0] ?? request.path,
          outcome,
          durationMs: Math.round(performance.now() - startedAt),
          requestId,
          echoedId: response?.headers['x-request-id'],
        });
      let response: TransportResponse;
      try {
        response = await inner.send({
          ...request,
          headers: { ...request.headers, 'X-Request-Id': requestId },
        });
      } catch (error) {
        log('network error');
        throw error;
      }
      log(response.status, response);
      return response;
    },
  };
}
