/** Pauses before the second and third attempt of a read, in ms. */
export const READ_RETRY_DELAYS = [800, 2400];

// Failures worth another try: the network, a server fault, rate limiting. Anything else
// (401 without a valid userHash, 404…) would fail the same way again.
const TRANSIENT = new Set(['network', 'http', 'internal', 'unavailable', 'rate_limited']);

/**
 * Run a read, trying again after a short pause when it failed for a passing reason, so a
 * busy server or a flaky connection does not leave the visitor looking at an error.
 */
export async function readWithRetry<T>(
  read: () => Promise<T>,
  delays = READ_RETRY_DELAYS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && TRANSIENT.has(code);
}
