import type { Logger } from './logger';

/** Options for {@link startPruneJob}. */
export interface PruneJobOptions {
  /** One run; it must stop soon after `signal` aborts (between statements). */
  run(signal: AbortSignal): Promise<unknown>;
  /**
   * Between the end of one run and the start of the next.
   * @default 3_600_000 (hourly)
   */
  intervalMs?: number;
  /**
   * Before the first run: not at start, where migrations and the first requests come first.
   * @default 60_000
   */
  firstDelayMs?: number;
  logger: Logger;
  /**
   * What a failed run logs (the job's name, for a job other than pruning).
   * @default 'pruning failed; retrying at the next interval'
   */
  failureMessage?: string;
}

/** A background job started by {@link startPruneJob}. */
export interface PruneJob {
  /** Cancels the next run, aborts the current one and resolves once it has returned. */
  stop(): Promise<void>;
}

/**
 * Runs `run` after `firstDelayMs`, then every `intervalMs` after each run ends, so runs never
 * overlap within an instance (across instances, the run's advisory lock sees to that). A
 * failed run is logged and the next one happens on schedule. The timer does not keep the
 * process alive.
 *
 * @example
 * const job = startPruneJob({ run: (signal) => prune(store, { now: new Date(), signal }), logger });
 * process.once('SIGTERM', async () => { await job.stop(); … });
 */
export function startPruneJob(options: PruneJobOptions): PruneJob {
  const intervalMs = options.intervalMs ?? 3_600_000;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  function schedule(delayMs: number) {
    if (controller.signal.aborted) return;
    timer = setTimeout(() => {
      running = options
        .run(controller.signal)
        .then(
          () => {},
          (error: unknown) => {
            const message =
              options.failureMessage ?? 'pruning failed; retrying at the next interval';
            options.logger.error(message, {
              error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
            });
          },
        )
        .finally(() => {
          running = undefined;
          schedule(intervalMs);
        });
    }, delayMs);
    timer.unref();
  }

  schedule(options.firstDelayMs ?? 60_000);
  return {
    async stop() {
      controller.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
