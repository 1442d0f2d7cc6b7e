import { expect, test } from 'vitest';
import { queuedCalls } from '../src/loader/queued-calls';

test('entries in rapport.q that are not calls are skipped, the rest replay in order', () => {
  // A hand-written stub or another script pushed junk next to the real calls.
  const own = [['init', { key: 'pk_demo' }], null, undefined, 7, ['track', 'Signed up']];

  const calls = queuedCalls(own as never, undefined);

  expect(calls).toEqual([
    ['init', { key: 'pk_demo' }],
    ['track', 'Signed up'],
  ]);
});
