import { act } from '@testing-library/preact';
import { vi } from 'vitest';
import { READ_RETRY_DELAYS } from '../../src/actions/read-with-retry';

/** Fake setTimeout so the widget's read retries can be stepped through without waiting. */
export function fakeRetryTimers(): { exhaust(): Promise<void> } {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  return {
    /** Let every retry of a failing read happen, then go back to real timers (axe needs them). */
    async exhaust() {
      // Preact runs effects after paint (a timer too), so allow a little on top of the delays.
      const total = READ_RETRY_DELAYS.reduce((sum, delay) => sum + delay, 0) + 500;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(total);
      });
      vi.useRealTimers();
    },
  };
}
