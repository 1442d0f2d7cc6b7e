import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { axeViolations } from './helpers/axe';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.unstubAllGlobals();
});

test('between Silver and Gold the panel shows balance, tier, progress and points to go', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  await openDialog(w, 'Rewards');
  expect(w.screen.getByRole('status').textContent).toBe('Loading…');
  await w.screen.findByText('320 points');
  expect(w.screen.getByText('Tier: Silver')).toBeTruthy();
  const progress = w.screen.getByRole('progressbar', { name: 'Progress to Gold' });
  expect(progress.tagName).toBe('PROGRESS');
  expect((progress as HTMLProgressElement).value).toBeCloseTo(0.24);
  expect(w.screen.getByText('380 points to Gold')).toBeTruthy();
  expect(w.screen.getByText('Write a review')).toBeTruthy();
  expect(w.screen.getByText('+50')).toBeTruthy();
  expect(w.screen.getByText('Order #1042')).toBeTruthy();
  expect(w.shadow.querySelector('[style]')).toBeNull();
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('at the top tier there is no progress bar, just a note', async () => {
  w = await renderWidget({}, { userId: 'jane' });
  w.server.state.loyalty = {
    ...w.server.state.loyalty,
    tier: { name: 'Gold', threshold: 1000 },
    nextTier: null,
    progress: 1,
    pointsToNextTier: 0,
  };
  await openDialog(w, 'Rewards');
  await w.screen.findByText('You’ve reached the top tier.');
  expect(w.screen.queryByRole('progressbar')).toBeNull();
});

test('the referral link carries the code and the copy button copies it', async () => {
  const writeText = vi.fn().mockResolvedValue(undefined);
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
  w = await renderWidget({ referralUrl: 'https://shop.example/join' }, { userId: 'jane' });
  await openDialog(w, 'Rewards');
  const link = (await w.screen.findByLabelText('Your referral link')) as HTMLInputElement;
  expect(link.value).toBe('https://shop.example/join?ref=JANE42');
  fireEvent.click(w.screen.getByRole('button', { name: 'Copy link' }));
  await waitFor(() => expect(w.screen.getByText('Link copied')).toBeTruthy());
  expect(writeText).toHaveBeenCalledWith('https://shop.example/join?ref=JANE42');
});
