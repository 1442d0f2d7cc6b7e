import type { Message } from '@rapport/protocol';
import type { Transport, TransportResponse } from '../transports/transport';

/**
 * Longest the outbox waits for one batch, whatever the transport. It must stay well under
 * the lease duration, so a slow request cannot outlive the lease and let a second tab send
 * the same messages at the same time.
 */
export const BATCH_TIMEOUT_MS = 15_000;

/** Sends one batch to `POST /v1/batch`; rejects on network failure or after the timeout. */
export async function sendBatch(
  transport: Transport,
  messages: Message[],
  headers: Record<string, string>,
  now: number,
): Promise<TransportResponse> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error('The batch request timed out'));
    }, BATCH_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      transport.send({
        method: 'POST',
        path: '/v1/batch',
        body: batchBody(messages, now),
        headers,
        signal: controller.signal,
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The `POST /v1/batch` body. */
export function batchBody(messages: Message[], now: number) {
  return { messages, sentAt: new Date(now).toISOString() };
}
