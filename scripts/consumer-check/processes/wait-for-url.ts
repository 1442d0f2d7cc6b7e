import { CheckFailure } from '../check-failure';
import { tailOf } from './run-command';
import type { Service } from './spawn-service';

const POLL_MS = 200;

/**
 * Polls `url` until it answers 2xx, within `timeoutMs`. Gives up early, with what the
 * service printed, when the service exits first (a crash at startup should not cost the
 * whole timeout).
 */
export async function waitForUrl(url: string, service: Service, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (!service.running()) {
      const exit = await service.exited;
      throw new CheckFailure(
        `the process exited (${exit.code ?? exit.signal}) before ${url} answered:\n${tailOf(service.output())}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new CheckFailure(
    `${url} did not answer within ${timeoutMs / 1000} s (${lastProblem}); the process printed:\n${tailOf(service.output())}`,
  );
}
