import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env';
import { PayloadTooLargeError } from '../errors';

/**
 * `hono/body-limit` answering in the error shape: 413 `payload_too_large`. A declared
 * `Content-Length` is checked before anything is read; a chunked body is counted as it
 * streams and cut at the limit, so an endless upload never fills memory.
 */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new PayloadTooLargeError(maxBytes);
    },
  });
}
