import ky, { HTTPError } from 'ky';
import { toJson } from '../to-json';
import { DEFAULT_ENDPOINT, DEFAULT_TIMEOUT_MS, joinUrl, readResponse } from './read-response';
import type { Transport } from './transport';

/** Options for {@link httpTransport}. */
export interface HttpTransportOptions {
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
 * The default transport: `fetch` through ky. ky's own retry is off, because the outbox owns
 * retries (backoff, `Retry-After`, two-tab lease) and two retry loops would multiply requests.
 * Non-2xx answers come back as responses; only network failures and timeouts throw.
 * {@link fetchTransport} does the same with plain `fetch`, for bundles where ky's bytes buy
 * nothing.
 *
 * @example
 * ```ts
 * createClient({ key: 'pk_demo', transport: httpTransport({ endpoint: 'https://rapport.example.com' }) });
 * ```
 */
export function httpTransport(options: HttpTransportOptions = {}): Transport {
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT_MS;
  return {
    async send(request) {
      try {
        const response = await ky(joinUrl(endpoint, request.path), {
          method: request.method,
          ...(request.body === undefined ? {} : { json: request.body, stringifyJson: toJson }),
          headers: request.headers ?? {},
          signal: request.signal ?? null,
          timeout,
          retry: 0,
        });
        return await readResponse(response);
      } catch (error) {
        // A non-2xx answer is not a transport failure: hand it back for the caller to judge.
        if (error instanceof HTTPError) return readResponse(error.response);
        throw error;
      }
    },
  };
}
