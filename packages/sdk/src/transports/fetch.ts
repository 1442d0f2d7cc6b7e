import { toJson } from '../to-json';
import { DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS, joinUrl, readResponse } from './read-response';
import type { Transport } from './transport';

/** Options for {@link fetchTransport}. */
export interface FetchTransportOptions {
  /**
   * Base URL of the Rapport server.
   * @default 'http://localhost:8787'
   * @example 'https://rapport.example.com'
   */
  endpoint?: string;
  /**
   * Milliseconds before a request is abandoned (it then counts as a network failure, which
   * the outbox retries).
   * @default 10_000
   */
  timeout?: number;
}

/**
 * Plain `fetch` with a timeout: the same contract and the same answers as
 * {@link httpTransport}, without ky. The outbox and the client own retries, backoff and
 * `Retry-After`, so ky's extras buy nothing on this path; the script-tag build uses this
 * transport to stay small. Non-2xx answers come back as responses; only network failures,
 * timeouts and the caller's abort throw.
 *
 * @example
 * ```ts
 * createClient({ key: 'pk_demo', transport: fetchTransport({ endpoint: 'https://rapport.example.com' }) });
 * ```
 */
export function fetchTransport(options: FetchTransportOptions = {}): Transport {
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  return {
    async send(request) {
      // One controller for both the timeout and the caller's signal (AbortSignal.any is too
      // recent for the browsers the widget supports).
      const controller = new AbortController();
      const abort = () => controller.abort(request.signal?.reason);
      if (request.signal?.aborted) abort();
      request.signal?.addEventListener('abort', abort);
      const timer = setTimeout(
        () => controller.abort(new DOMException('Request timed out', 'TimeoutError')),
        timeout,
      );
      const json = request.body !== undefined;
      const headers = new Headers(request.headers);
      // As ky's `json` option does: a JSON content type unless the caller chose one.
      if (json && !headers.has('content-type')) headers.set('content-type', 'application/json');
      try {
        const response = await fetch(joinUrl(endpoint, request.path), {
          method: request.method,
          headers,
          body: json ? toJson(request.body) : null,
          signal: controller.signal,
        });
        return await readResponse(response);
      } finally {
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', abort);
      }
    },
  };
}
