import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

test('the launcher opens a labelled modal dialog and focus moves into it', async () => {
  w = await renderWidget();
  const launcher = w.screen.getByRole('button', { name: 'Open feedback and rewards' });
  expect(launcher.getAttribute('aria-expanded')).toBe('false');
  fireEvent.click(launcher);
  const dialog = await w.screen.findByRole('dialog', { name: 'How can we help?' });
  expect(dialog.getAttribute('aria-modal')).toBe('true');
  expect(launcher.getAttribute('aria-expanded')).toBe('true');
  await waitFor(() => expect(dialog.contains(w.active())).toBe(true));
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});
