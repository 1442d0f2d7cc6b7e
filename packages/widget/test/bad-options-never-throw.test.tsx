import type { RapportErrorLike } from '@rapport/sdk';
import { afterEach, expect, test } from 'vitest';
import type { WidgetOptions } from '../src/options';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

// What a page might pass from untyped code: rapport('update', …) or mount(client, …) in JS.
const BAD: WidgetOptions[] = [
  { panels: 'feedback' as never },
  { locale: 42 as never },
  { panels: [null, 'feedback'] as never, locale: null as never },
];

test.each(BAD)('update(%o) neither throws nor breaks the launcher', async (bad) => {
  w = await renderWidget();
  const errors: RapportErrorLike[] = [];
  w.client.on('error', ({ error }) => errors.push(error));

  expect(() => w.widget.update(bad)).not.toThrow();

  expect(w.screen.getByRole('button', { name: /open feedback/i })).toBeTruthy();
  w.widget.open();
  // The wrongly typed option falls back to its default (English texts) and the feedback
  // form still works.
  expect(await w.screen.findByRole('dialog', { name: 'How can we help?' })).toBeTruthy();
  expect(w.screen.getByRole('textbox', { name: /Your message/ })).toBeTruthy();
  // Nothing was reported either: a bad option is not an error the page has to handle.
  expect(errors).toEqual([]);
});

test.each(BAD)('mount with %o still shows the launcher', async (bad) => {
  w = await renderWidget(bad);
  expect(w.screen.getByRole('button', { name: /open feedback/i })).toBeTruthy();
});
