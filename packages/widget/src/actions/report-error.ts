import type { RapportClient, RapportErrorLike } from '@rapport/sdk';

/**
 * Hand an error to the host page through `client.emit('error')` instead of throwing: the
 * widget must never break the page it lives on. SDK errors pass through with their code;
 * anything else is reported as `internal`.
 */
export function reportError(client: RapportClient, error: unknown): void {
  try {
    client.emit('error', { error: toRapportError(error) });
  } catch {
    // A throwing listener must not turn a reported error into an uncaught one.
  }
}

/** The SDK error as is, or an `internal` error describing anything else. */
export function toRapportError(error: unknown): RapportErrorLike {
  if (isRapportErrorLike(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { name: 'RapportError', code: 'internal', message: `Rapport widget: ${message}` };
}

function isRapportErrorLike(error: unknown): error is RapportErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'RapportError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/**
 * Wrap an event handler so that a throw or a rejected promise is reported, never raised.
 * @example <button onClick={guard(client, () => submit(store))} />
 */
export function guard<A extends unknown[]>(
  client: RapportClient,
  handler: (...args: A) => unknown,
): (...args: A) => void {
  return (...args) => {
    try {
      const result = handler(...args);
      catchRejection(result, (error) => reportError(client, error));
    } catch (error) {
      reportError(client, error);
    }
  };
}

/**
 * Attach `onError` to `result` when it is a promise. Checked by shape, not `instanceof
 * Promise`: pages running zone.js (Angular) or a polyfill replace `window.Promise`, while
 * `async` functions still return native promises that would then go unhandled.
 */
export function catchRejection(result: unknown, onError: (error: unknown) => void): void {
  const then = (result as { then?: unknown } | null | undefined)?.then;
  if (typeof then === 'function') then.call(result, undefined, onError);
}
