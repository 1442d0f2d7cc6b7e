import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe';
import { createFakeServer, GOLD_VIEW } from './helpers/fake-server';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

/** A program with a voucher that hands out codes (one left) and a mug out of stock. */
function serverWithCodes(codes: string[]) {
  const loyalty = structuredClone(GOLD_VIEW);
  loyalty.rewards = [
    {
      id: 'voucher',
      name: '10 € voucher',
      cost: 100,
      active: true,
      usesCodes: true,
      stock: codes.length,
    },
    { id: 'mug', name: 'Mug', cost: 50, active: true, stock: 0 },
  ];
  return createFakeServer({ loyalty, codes: { voucher: [...codes] } });
}

test('a redeemed code is shown as text at once and stays in the activity', async () => {
  w = await renderWidget({}, { server: serverWithCodes(['SHOP-<b>1</b>']), userId: 'jane' });
  await openDialog(w, 'Rewards');
  fireEvent.click(await w.screen.findByRole('button', { name: 'Redeem 10 € voucher' }));
  const status = await w.screen.findByText(/Redeemed 10 € voucher\. Enjoy!/);
  expect(status.textContent).toBe('Redeemed 10 € voucher. Enjoy! Your code: SHOP-<b>1</b>');
  // The code is text, never markup.
  expect(status.querySelector('b')).toBeNull();
  const activity = w.shadow.querySelector('[aria-labelledby="rapport-activity"]');
  await w.screen.findAllByText('SHOP-<b>1</b>');
  expect(activity?.textContent).toContain('Redeemed: 10 € voucher · Your code: SHOP-<b>1</b>');
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('a reward out of stock is disabled, with the reason', async () => {
  w = await renderWidget({}, { server: serverWithCodes(['SHOP-1']), userId: 'jane' });
  await openDialog(w, 'Rewards');
  const mug = await w.screen.findByRole('button', { name: 'Redeem Mug' });
  expect((mug as HTMLButtonElement).disabled).toBe(true);
  expect(w.shadow.getElementById(mug.getAttribute('aria-describedby')!)?.textContent).toBe(
    'Out of stock for now.',
  );
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('the last code taken between the view and the click is explained, and charges nothing', async () => {
  // The view says one code is left; the server has none by the time of the click.
  const server = serverWithCodes([]);
  server.state.loyalty.rewards[0]!.stock = 1;
  w = await renderWidget({}, { server, userId: 'jane' });
  await openDialog(w, 'Rewards');
  fireEvent.click(await w.screen.findByRole('button', { name: 'Redeem 10 € voucher' }));
  await waitFor(() =>
    expect(
      w.shadow.querySelector('[aria-labelledby="rapport-rewards"] [role="status"]')?.textContent,
    ).toBe('Out of stock for now.'),
  );
  expect(w.server.state.charges).toHaveLength(0);
});

test('points the shop added while the panel was closed show when it opens again', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  const dialog = await openDialog(w, 'Rewards');
  await w.screen.findByText('320 points');
  fireEvent.keyDown(dialog, { key: 'Escape' });
  await waitFor(() => expect(w.screen.queryByRole('dialog')).toBeNull());
  // An admin earn on the server meanwhile.
  w.server.state.loyalty.balance = 420;
  await openDialog(w, 'Rewards');
  await w.screen.findByText('420 points');
});
