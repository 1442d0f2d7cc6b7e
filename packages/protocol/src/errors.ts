/** Every error code either side of the wire can produce, one union for both. */
export const ERROR_CODES = [
  // Server answers (4xx)
  'invalid_body',
  'invalid_query',
  'payload_too_large',
  'unsupported_media_type',
  'unauthorized',
  'forbidden',
  'origin_not_allowed',
  'not_found',
  'conflict',
  'insufficient_points',
  'out_of_stock',
  'redeem_limit_reached',
  'rate_limited',
  'method_not_allowed',
  'csrf_failed',
  'invalid_credentials',
  'invalid_setup_token',
  // Server fault (5xx) — never caused by bad input
  'internal',
  'unavailable',
  // SDK-side
  'invalid_argument',
  'network',
  'http',
  'rejected',
  'queue_full',
  'consent_required',
  'destroyed',
] as const;

/** A machine-readable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every non-2xx response: `{ "error": { "code", "message", "details"? } }`. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: unknown;
  };
}

/** True when `value` looks like an {@link ErrorBody}. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
