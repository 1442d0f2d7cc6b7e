import type { BatchResponse, ErrorBody } from '@rapport/protocol';
import { RapportError } from '../errors';
import type { TransportResponse } from '../transports/transport';
import { parseRetryAfter } from './backoff';

/** What to do with a batch after the server answered. */
export type BatchOutcome =
  | { kind: 'delivered'; result: BatchResponse }
  | { kind: 'retry'; retryAfterMs: number | undefined }
  | { kind: 'drop'; error: RapportError };

/**
 * Decides a batch's fate from the response. Only 408, 429 and 5xx are worth retrying — the
 * same bytes will fail the same way on any other 4xx, and retrying those forever would block
 * the queue. A 2xx without a body (a beacon, a minimal custom server) means all accepted; a 2xx
 * whose body is not JSON — a captive portal's or a proxy's HTML page — came from something other
 * than Rapport, so nothing was acknowledged: the batch is retried (the server dedupes on id).
 */
export function classifyResponse(
  response: TransportResponse,
  batchSize: number,
  now: number,
): BatchOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) {
    const result = isAcknowledgement(response.body)
      ? readBatchResponse(response.body, batchSize)
      : undefined;
    if (!result) return { kind: 'retry', retryAfterMs: undefined };
    return { kind: 'delivered', result };
  }
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'retry', retryAfterMs: parseRetryAfter(response.headers['retry-after'], now) };
  }
  return { kind: 'drop', error: errorFromResponse(response) };
}

/** Empty, or a JSON object: text (HTML, a bare string) is not an answer from Rapport. */
export function isAcknowledgement(body: unknown): boolean {
  return body === undefined || (typeof body === 'object' && body !== null);
}

/**
 * The server's tally, or undefined when its `rejected` list is not one Rapport would send:
 * an entry without a string id cannot say which message it refused, so nothing is taken as
 * acknowledged and the batch is retried (the server dedupes on id).
 */
function readBatchResponse(body: unknown, batchSize: number): BatchResponse | undefined {
  // Only called after isAcknowledgement: the body is undefined or a non-null object.
  const candidate = body as Partial<BatchResponse> | undefined;
  if (Array.isArray(candidate?.rejected)) {
    const named = candidate.rejected.every((entry) => typeof entry?.id === 'string');
    if (!named) return undefined;
    return {
      accepted: Number(candidate.accepted) || 0,
      duplicates: Number(candidate.duplicates) || 0,
      rejected: candidate.rejected,
    };
  }
  return { accepted: batchSize, duplicates: 0, rejected: [] };
}

/**
 * A {@link RapportError} for a non-2xx response, keeping the server's code when it sent one.
 * The code is trusted as is: both sides share the protocol's `ErrorCode` union, and checking
 * it against the full list would cost the bundle more than it saves.
 */
export function errorFromResponse(response: TransportResponse): RapportError {
  const { body, status } = response;
  if (isErrorBody(body)) {
    return new RapportError(body.error.code, body.error.message, { status });
  }
  return new RapportError('http', `The server answered ${status}`, { status });
}

/** True for `{ error: { code, message } }` — checked here, as the SDK takes only types from the protocol. */
function isErrorBody(body: unknown): body is ErrorBody {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}
