import type { ErrorCode } from '@rapport/protocol';

/** Options for {@link RapportError}. */
export interface RapportErrorOptions {
  /** HTTP status, when the error comes from a response. */
  status?: number;
  /** The underlying error (a network failure, a parse error). */
  cause?: unknown;
}

/**
 * The one error type the SDK produces. Promises reject with it; fire-and-forget failures
 * reach `client.on('error')` with it. The SDK never throws it synchronously into the page.
 *
 * @example
 * ```ts
 * try { await client.feedback({ message: '' }); }
 * catch (error) { if (isRapportError(error) && error.code === 'invalid_argument') … }
 * ```
 */
export class RapportError extends Error {
  override readonly name = 'RapportError' as const;
  /** Machine-readable reason, shared with the server's error bodies. */
  readonly code: ErrorCode;
  /** HTTP status, when the failure came from a response. */
  readonly status?: number;

  constructor(code: ErrorCode, message: string, options: RapportErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
  }
}

/** True when `value` is a {@link RapportError} (also across bundle copies, by name and code). */
export function isRapportError(value: unknown): value is RapportError {
  return (
    value instanceof RapportError ||
    (value instanceof Error &&
      value.name === 'RapportError' &&
      typeof (value as { code?: unknown }).code === 'string')
  );
}

/** Shorthand for the most common rejection: the caller passed something unusable. */
export function invalidArgument(message: string): RapportError {
  return new RapportError('invalid_argument', message);
}
