import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.unstubAllGlobals();
});

test.each([
  ['missing (a plain http page)', undefined],
  [
    'refused (permission denied)',
    { writeText: () => Promise.reject(new Error('NotAllowedError')) },
  ],
])(
  'with the clipboard %s, copy selects the link and asks to copy it by hand',
  async (_, clipboard) => {
    vi.stubGlobal('navigator', { ...navigator, clipboard });
    w = await renderWidget({ referralUrl: 'https://shop.example/join' }, { userId: 'jane' });
    await openDialog(w, 'Rewards');
    const link = (await w.screen.findByLabelText('Your referral link')) as HTMLInputElement;

    fireEvent.click(w.screen.getByRole('button', { name: 'Copy link' }));

    await waitFor(() => expect(w.screen.getByText(/press Ctrl\+C/i)).toBeTruthy());
    expect(w.screen.queryByText('Link copied')).toBeNull();
    expect(w.active()).toBe(link);
    expect([link.selectionStart, link.selectionEnd]).toEqual([0, link.value.length]);
  },
);
