import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('an unaffordable reward cannot be redeemed and says why', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  await openDialog(w, 'Rewards');
  const tote = await w.screen.findByRole('button', { name: 'Redeem Tote bag' });
  expect((tote as HTMLButtonElement).disabled).toBe(true);
  const reason = w.shadow.getElementById(tote.getAttribute('aria-describedby')!);
  expect(reason?.textContent).toBe('You need 580 more points');
  expect(
    (w.screen.getByRole('button', { name: 'Redeem Free coffee' }) as HTMLButtonElement).disabled,
  ).toBe(false);
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('a double click redeems once: one charge, the balance updated once', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  await openDialog(w, 'Rewards');
  const coffee = await w.screen.findByRole('button', { name: 'Redeem Free coffee' });
  fireEvent.click(coffee);
  fireEvent.click(coffee);

  await w.screen.findByText('Redeemed Free coffee. Enjoy!');
  expect(w.server.state.charges).toHaveLength(1);
  expect(w.screen.getByText('20 points')).toBeTruthy();
  expect(
    w.server.state.requests.filter((r) => r === 'POST /v1/loyalty/redeem').length,
  ).toBeLessThanOrEqual(2);
  // With 20 points left, the coffee is now out of reach too.
  await waitFor(() =>
    expect(
      (w.screen.getByRole('button', { name: 'Redeem Free coffee' }) as HTMLButtonElement).disabled,
    ).toBe(true),
  );
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('a failed redemption says so and leaves the balance alone', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  await openDialog(w, 'Rewards');
  const coffee = await w.screen.findByRole('button', { name: 'Redeem Free coffee' });
  w.server.state.failing.add('/v1/loyalty/redeem');
  fireEvent.click(coffee);
  await w.screen.findByText('We couldn’t redeem this reward. Please try again.');
  expect(w.screen.getByText('320 points')).toBeTruthy();
  expect(w.server.state.charges).toHaveLength(0);
});
