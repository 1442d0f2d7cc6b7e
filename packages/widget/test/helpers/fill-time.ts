import { vi } from 'vitest';
import { MIN_FILL_MS } from '../../src/actions/feedback';

/** Fake only Date, so the feedback form's minimum fill time can pass without waiting. */
export function fakeClock(): { pass(ms?: number): void } {
  vi.useFakeTimers({ toFake: ['Date'] });
  return {
    pass(ms = MIN_FILL_MS + 100) {
      vi.setSystemTime(Date.now() + ms);
    },
  };
}
