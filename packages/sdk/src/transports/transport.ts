/** One HTTP-shaped request the SDK asks a transport to carry. */
export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Path and query relative to the endpoint, e.g. `/v1/batch` or `/v1/loyalty?userId=…`. */
  path: string;
  /** JSON-serialisable body for POST. */
  body?: unknown;
  /** Extra headers (the SDK adds `Authorization` itself). */
  headers?: Record<string, string>;
  /** Aborts the request (timeouts, `destroy()`). */
  signal?: AbortSignal;
}

/** What a transport hands back. A transport throws only for network failures. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  /**
   * The body parsed from JSON, `undefined` when empty. Anything else (text, an HTML page) on a
   * 2xx is not an answer from Rapport: a batch is retried and a read rejects.
   */
  body: unknown;
}

/**
 * The pluggable seam between the SDK and the network: send one request, get a response.
 * Throw (any error) on a network failure; return non-2xx statuses as responses.
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
}
