import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createCommandApi } from '../src/loader/command-api';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

async function withEvents() {
  w = await renderWidget({}, { userId: 'jane' });
  const events: string[] = [];
  w.client.on('open', ({ panel }) => events.push(`open ${panel}`));
  w.client.on('close', () => events.push('close'));
  return events;
}

const closed = () => waitFor(() => expect(w.screen.queryByRole('dialog')).toBeNull());

test('the launcher, Esc, the close button and the API each fire one open or close', async () => {
  const events = await withEvents();

  const dialog = await openDialog(w);
  fireEvent.keyDown(dialog, { key: 'Escape' });
  await closed();

  w.widget.open('loyalty');
  await w.screen.findByRole('dialog', { name: /.+/ });
  fireEvent.click(w.screen.getByRole('button', { name: 'Close' }));
  await closed();

  w.widget.open('inbox');
  await w.screen.findByRole('dialog', { name: /.+/ });
  w.widget.close();
  await closed();

  expect(events).toEqual([
    'open feedback',
    'close',
    'open loyalty',
    'close',
    'open inbox',
    'close',
  ]);
});

test('switching tabs or opening an open dialog again fires nothing more', async () => {
  const events = await withEvents();
  await openDialog(w, 'Rewards');
  w.widget.open('inbox');
  await w.screen.findByRole('tab', { name: 'Messages', selected: true });
  expect(events).toEqual(['open feedback']);
});

test('a listener that throws does not stop the dialog from opening', async () => {
  w = await renderWidget();
  w.client.on('open', () => {
    throw new Error('page bug');
  });
  await openDialog(w);
  expect(w.screen.getByRole('dialog', { name: /.+/ })).toBeTruthy();
});

test('rapport("on", "open", fn) listens to the same events through the client', async () => {
  w = await renderWidget();
  const api = createCommandApi(() => ({ client: w.client, widget: w.widget }));
  api('init', { key: 'pk_test' });
  const opened: unknown[] = [];
  api('on', 'open', (payload: unknown) => opened.push(payload));
  api('open', 'feedback');
  await w.screen.findByRole('dialog', { name: /.+/ });
  await waitFor(() => expect(opened).toEqual([{ panel: 'feedback' }]));
});
