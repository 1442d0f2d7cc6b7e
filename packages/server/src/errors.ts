import type { ErrorBody, ErrorCode } from '@rapport/protocol';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The one error type routes throw. `app.onError` turns it into
 * `{ "error": { "code", "message", "details"? } }` with its status.
 *
 * @example
 * throw new ApiError(404, 'not_found', 'No survey with id "s1".');
 */
export class ApiError extends HTTPException {
  override readonly name = 'ApiError' as const;
  readonly code: ErrorCode;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    options: { details?: unknown; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(status, { message, cause: options.cause });
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  /** The wire body of this error. */
  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

/** True for an {@link ApiError}, also across module copies. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError || (value as { name?: unknown } | null)?.name === 'ApiError';
}

/** 400 for a body that is not what the route expects. */
export class InvalidBodyError extends ApiError {
  constructor(message: string, details?: unknown) {
    super(400, 'invalid_body', message, { details });
  }
}

/** 400 for a query string that is not what the route expects. */
export class InvalidQueryError extends ApiError {
  constructor(message: string, details?: unknown) {
    super(400, 'invalid_query', message, { details });
  }
}

/** 401 for a missing or wrong key or user hash. */
export class UnauthorizedError extends ApiError {
  constructor(message: string) {
    super(401, 'unauthorized', message);
  }
}

/** 403 for a request that is understood but not allowed. */
export class ForbiddenError extends ApiError {
  constructor(message: string, code: 'forbidden' | 'origin_not_allowed' = 'forbidden') {
    super(403, code, message);
  }
}

/** 404 for an unknown route or record. */
export class NotFoundError extends ApiError {
  constructor(message: string) {
    super(404, 'not_found', message);
  }
}

/** 413 for a body over the size limit. */
export class PayloadTooLargeError extends ApiError {
  constructor(limitBytes: number) {
    super(413, 'payload_too_large', `The body is larger than ${limitBytes} bytes.`);
  }
}

/** 429 with `Retry-After` in whole seconds. */
export class RateLimitedError extends ApiError {
  constructor(retryAfterSeconds: number) {
    super(429, 'rate_limited', `Too many requests; retry in ${retryAfterSeconds} s.`, {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }
}

/** 409 when a balance would go below zero. */
export class InsufficientPointsError extends ApiError {
  constructor(balance: number, cost: number) {
    super(409, 'insufficient_points', `This needs ${cost} points; the balance is ${balance}.`, {
      details: { balance, cost },
    });
  }
}

/** 409 when an id is already taken by something else. */
/** 409: the reward has no stock or no free code left. */
export class OutOfStockError extends ApiError {
  constructor(rewardName: string) {
    super(409, 'out_of_stock', `“${rewardName}” is out of stock.`);
  }
}

/** 409: the customer already redeemed this reward as often as it allows. */
export class RedeemLimitError extends ApiError {
  constructor(rewardName: string, limit: number) {
    super(
      409,
      'redeem_limit_reached',
      `“${rewardName}” can be redeemed ${limit === 1 ? 'once' : `${limit} times`} per customer.`,
      { details: { limit } },
    );
  }
}

export class ConflictError extends ApiError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}
