/**
 * Waits after a failed chunk load before each new try: a flaky connection or a CDN hiccup
 * gets two more chances (0.5 s, then 2 s later) before the launcher explains the failure.
 */
export const RETRY_DELAYS_MS = [500, 2000];

/** Runs `load`, retrying after each delay in `delays`; rejects with the last error. */
export async function loadWithRetry<T>(
  load: () => Promise<T>,
  delays: readonly number[] = RETRY_DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
