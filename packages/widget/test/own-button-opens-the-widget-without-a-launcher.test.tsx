import type { RapportErrorLike } from '@rapport/sdk';
import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget | undefined;
afterEach(() => {
  w?.cleanup();
  w = undefined;
  for (const node of document.querySelectorAll('.site-help')) node.remove();
});

function siteButton(id = 'help'): HTMLButtonElement {
  const button = document.createElement('button');
  button.id = id;
  button.className = 'site-help';
  button.textContent = 'Help';
  document.body.append(button);
  return button;
}

test('with launcher: false no launcher is drawn, and the site’s own button opens the dialog', async () => {
  const help = siteButton();
  w = await renderWidget({ launcher: false, attachTo: '#help' });

  expect(w.screen.queryByRole('button', { name: /open feedback/i })).toBeNull();
  expect(help.getAttribute('aria-haspopup')).toBe('dialog');
  expect(help.getAttribute('aria-expanded')).toBe('false');

  help.focus();
  fireEvent.click(help);
  const dialog = await w.screen.findByRole('dialog', { name: /.+/ });
  await waitFor(() => expect(help.getAttribute('aria-expanded')).toBe('true'));

  fireEvent.keyDown(dialog, { key: 'Escape' });
  await waitFor(() => expect(w?.screen.queryByRole('dialog')).toBeNull());
  expect(help.getAttribute('aria-expanded')).toBe('false');
  // Focus goes back to the button that opened the dialog, as it would to the launcher.
  await waitFor(() => expect(document.activeElement).toBe(help));
});

test('a click on the site’s button while the dialog is open closes it', async () => {
  const help = siteButton();
  w = await renderWidget({ launcher: false, attachTo: '#help' });
  fireEvent.click(help);
  await w.screen.findByRole('dialog', { name: /.+/ });
  fireEvent.click(help);
  await waitFor(() => expect(w?.screen.queryByRole('dialog')).toBeNull());
});

test('a selector also matches a button the page adds after the widget started, and its icon', async () => {
  w = await renderWidget({ attachTo: '.site-help' });
  const late = siteButton('late');
  const icon = document.createElement('span');
  late.append(icon);

  fireEvent.click(icon);

  await w.screen.findByRole('dialog', { name: /.+/ });
  expect(late.getAttribute('aria-haspopup')).toBe('dialog');
  expect(late.getAttribute('aria-expanded')).toBe('true');
  // The launcher is still drawn unless launcher: false.
  expect(w.screen.getByRole('button', { name: /open feedback/i }).hidden).toBe(false);
});

test('mount() takes an element, and the attachTo command moves the widget to another one', async () => {
  const first = siteButton('first');
  const second = siteButton('second');
  w = await renderWidget({ launcher: false, attachTo: first });
  expect(first.getAttribute('aria-haspopup')).toBe('dialog');

  w.widget.update({ attachTo: '#second' });

  expect(first.hasAttribute('aria-haspopup')).toBe(false);
  expect(second.getAttribute('aria-haspopup')).toBe('dialog');
  fireEvent.click(first);
  fireEvent.click(second);
  await w.screen.findByRole('dialog', { name: /.+/ });
});

test('a selector the browser refuses is reported, never thrown, and other clicks are left alone', async () => {
  const help = siteButton();
  w = await renderWidget({ launcher: false });
  const errors: RapportErrorLike[] = [];
  w.client.on('error', ({ error }) => errors.push(error));

  expect(() => w?.widget.update({ attachTo: '#[nope' })).not.toThrow();
  expect(() => w?.widget.update({ attachTo: 42 as never })).not.toThrow();
  expect(errors.map((error) => error.code)).toEqual(['internal', 'internal']);

  const clicked = new MouseEvent('click', { bubbles: true, cancelable: true });
  help.dispatchEvent(clicked);
  expect(clicked.defaultPrevented).toBe(false);
  expect(w.screen.queryByRole('dialog')).toBeNull();
});

test('after unmount the site’s button is given back as it was', async () => {
  const help = siteButton();
  w = await renderWidget({ launcher: false, attachTo: '#help' });
  w.cleanup();
  w = undefined;

  expect(help.hasAttribute('aria-haspopup')).toBe(false);
  expect(help.hasAttribute('aria-expanded')).toBe(false);
  const clicked = new MouseEvent('click', { bubbles: true, cancelable: true });
  help.dispatchEvent(clicked);
  expect(clicked.defaultPrevented).toBe(false);
});
