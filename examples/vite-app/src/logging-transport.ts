import type { Transport, TransportRequest, TransportResponse } from '@rapport/sdk';

/** One request as the log sees it. */
export interface RequestLogEntry {
  method: TransportRequest['method'];
  path: string;
  /** HTTP status, or `'network error'` when the request never got an answer. */
  outcome: number | 'network error';
  durationMs: number;
}

/** Options for {@link withRequestLog}. */
export interface RequestLogOptions {
  /**
   * Headers added to every request (the SDK adds `Authorization` itself).
   * @default {}
   * @example { 'X-App-Version': '2.4.0' }
   */
  headers?: Record<string, string>;
  /**
   * Called once per request, after it settles.
   * @example (entry) => console.debug('rapport', entry)
   */
  onRequest?: (entry: RequestLogEntry) => void;
}

/**
 * Wraps any transport to add headers and observe every request — the shape of most custom
 * transports: decorate the default one instead of rewriting fetch. A network failure is
 * logged and re-thrown unchanged, so the SDK's outbox still sees it and retries.
 *
 * @example
 * ```ts
 * const transport = withRequestLog(httpTransport({ endpoint }), { headers: { 'X-App-Version': '2.4.0' } });
 * const client = createClient({ key: 'pk_demo', endpoint, transport });
 * ```
 */
export function withRequestLog(inner: Transport, options: RequestLogOptions = {}): Transport {
  return {
    async send(request) {
      const startedAt = performance.now();
      const log = (outcome: RequestLogEntry['outcome']) =>
        options.onRequest?.({
          method: request.method,
          path: request.path,
          outcome,
          durationMs: Math.round(performance.now() - startedAt),
        });
      let response: TransportResponse;
      try {
        response = await inner.send({
          ...request,
          headers: { ...options.headers, ...request.headers },
        });
      } catch (error) {
        log('network error');
        throw error;
      }
      log(response.status);
      return response;
    },
  };
}
