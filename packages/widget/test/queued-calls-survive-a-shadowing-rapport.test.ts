import { expect, test } from 'vitest';
import { queuedCalls } from '../src/loader/queued-calls';

const identify = ['identify', 'jane', {}, { userHash: 'a'.repeat(64) }];
const track = ['track', 'Viewed'];

test('calls queued on window.rapport are read once, in order', () => {
  const queue = [identify, track];
  // Without a page binding of its own, the global name `rapport` is window.rapport: same queue.
  expect(queuedCalls(queue, queue)).toEqual([identify, track]);
});

test('calls that landed on a page’s own global `rapport` binding are not lost', () => {
  // `const rapport = …` in a page script shadows window.rapport, so the stub pushed there.
  expect(queuedCalls(undefined, [identify])).toEqual([identify]);
  expect(queuedCalls([track], [identify])).toEqual([track, identify]);
});

test('no queue at all is an empty list', () => {
  expect(queuedCalls(undefined, undefined)).toEqual([]);
});
