import { afterEach, expect, test, vi } from 'vitest';
import { createRetryClock } from '../src/outbox/retry-clock';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A clock whose `now` is a number the test moves, apart from the timers. */
function clockAt(start: number) {
  let time = start;
  const onDue = vi.fn();
  const clock = createRetryClock(() => time, 1_000, 8_000, onDue);
  return {
    clock,
    onDue,
    setNow(next: number) {
      time = next;
    },
  };
}

test('each failure doubles the ceiling of the jittered wait, up to the cap', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  const { clock, onDue } = clockAt(0);
  const waits: number[] = [];
  for (let failure = 0; failure < 5; failure++) {
    clock.backOff();
    const before = onDue.mock.calls.length;
    let waited = 0;
    while (onDue.mock.calls.length === before) {
      await vi.advanceTimersByTimeAsync(1);
      waited++;
    }
    waits.push(waited);
  }
  // 0.5 × min(8000, 1000 × 2^n)
  expect(waits).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
  expect(clock.isFailing()).toBe(true);
  clock.resetAttempts();
  expect(clock.isFailing()).toBe(false);
});

test('a Retry-After is waited out by the injected now, not by Date', () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const { clock, setNow } = clockAt(50_000);
  clock.backOff(10_000);
  expect(clock.waitLeft()).toBe(10_000);
  setNow(56_000);
  expect(clock.waitLeft()).toBe(4_000);
  setNow(60_000);
  expect(clock.waitLeft()).toBe(0);
  setNow(90_000);
  expect(clock.waitLeft()).toBe(0);
});

test('a clock set back never makes the Retry-After wait longer than the server asked', () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const { clock, setNow } = clockAt(100_000);
  clock.backOff(5_000);
  setNow(100_000 - 3_600_000); // an hour back
  expect(clock.waitLeft()).toBe(5_000);
  setNow(100_000 - 3_600_000 + 2_000); // and the wait now runs from there
  expect(clock.waitLeft()).toBe(3_000);
});

test('one timer at a time: schedule replaces it, cancel drops it, and it fires once', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const { clock, onDue } = clockAt(0);
  expect(clock.isScheduled()).toBe(false);
  clock.schedule(1_000);
  clock.schedule(3_000);
  expect(clock.isScheduled()).toBe(true);
  await vi.advanceTimersByTimeAsync(2_000);
  expect(onDue).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(onDue).toHaveBeenCalledTimes(1);
  expect(clock.isScheduled()).toBe(false);

  clock.schedule(1_000);
  clock.cancel();
  expect(clock.isScheduled()).toBe(false);
  await vi.advanceTimersByTimeAsync(5_000);
  expect(onDue).toHaveBeenCalledTimes(1);
});
