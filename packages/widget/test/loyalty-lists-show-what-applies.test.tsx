import type { LoyaltyView } from '@rapport/protocol';
import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createFakeServer, GOLD_VIEW } from './helpers/fake-server';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

function entries(count: number): LoyaltyView['activity'] {
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    points: i % 2 === 0 ? 10 + i : -(10 + i),
    reason: `Entry ${i}`,
    createdAt: `2026-11-${String(20 - i).padStart(2, '0')}T10:00:00Z`,
  }));
}

async function rewardsOf(loyalty: LoyaltyView) {
  w = await renderWidget({}, { userId: 'jane', server: createFakeServer({ loyalty }) });
  await openDialog(w, 'Rewards');
}

test('activity shows the ten latest entries, earned with a plus and spent with a minus', async () => {
  await rewardsOf({ ...structuredClone(GOLD_VIEW), activity: entries(12) });
  await w.screen.findByText('Entry 0');
  expect(w.screen.getByText('Entry 9')).toBeTruthy();
  expect(w.screen.queryByText('Entry 10')).toBeNull();
  const amounts = [...w.shadow.querySelectorAll('#rapport-activity ~ ul strong')].map(
    (node) => node.textContent,
  );
  expect(amounts.slice(0, 2)).toEqual(['+10', '-11']);
  expect(w.screen.queryByText(/No activity yet/)).toBeNull();
});

test('a zero entry gets no plus sign', async () => {
  const activity = [
    { id: 'z', points: 0, reason: 'Adjustment', createdAt: '2026-11-20T10:00:00Z' },
  ];
  await rewardsOf({ ...structuredClone(GOLD_VIEW), activity });
  await w.screen.findByText('Adjustment');
  const amount = w.shadow.querySelector('#rapport-activity ~ ul strong');
  expect(amount?.textContent).toBe('0');
});

test('only an unaffordable reward says how many points are missing, and is described by it', async () => {
  await rewardsOf(structuredClone(GOLD_VIEW));
  await w.screen.findByText('Tote bag');
  expect(w.screen.queryByText(/No rewards are available/)).toBeNull();
  const short = w.screen.getAllByText(/You need \d+ more points?/);
  expect(short.map((node) => node.textContent)).toEqual(['You need 580 more points']);
  const coffee = w.screen.getByRole('button', { name: /Free coffee/ });
  const tote = w.screen.getByRole('button', { name: /Tote bag/ });
  expect(coffee.getAttribute('aria-describedby')).toBeNull();
  expect(tote.getAttribute('aria-describedby')).toBe(short[0]?.id);
  expect(coffee.textContent).toBe('Redeem');
});

test('a redeem in flight says so on its own button only, then the result is announced as a success', async () => {
  const server = createFakeServer({ loyalty: structuredClone(GOLD_VIEW) });
  let release!: () => void;
  w = await renderWidget({}, { userId: 'jane', server });
  await openDialog(w, 'Rewards');
  const coffee = await w.screen.findByRole('button', { name: /Free coffee/ });
  server.state.gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  fireEvent.click(coffee);
  await w.screen.findByText('Redeeming…');
  expect(w.screen.getByRole('button', { name: /Tote bag/ }).textContent).toBe('Redeem');
  release();
  const status = await w.screen.findByText(/Free coffee/, { selector: '[role="status"]' });
  expect(status.className).toBe('success');
});
