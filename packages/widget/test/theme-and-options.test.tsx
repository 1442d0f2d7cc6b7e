import { DEFAULT_ACCENT } from '@rapport/protocol';
import { waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { createFakeServer } from './helpers/fake-server';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';
import { sheetTexts } from './helpers/stylesheets';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.unstubAllGlobals();
});

const styles = () => sheetTexts(w.shadow);
/** The accent rule, whitespace removed (browsers reserialise adopted sheets). */
const accentRule = () => styles()[1]!.replace(/[\s;]/g, '');

test('the dark theme sets data-theme="dark", which the stylesheet gives dark colours', async () => {
  w = await renderWidget({ theme: 'dark' });
  expect(w.widget.host!.getAttribute('data-theme')).toBe('dark');
  const css = styles()[0]!;
  expect(css).toMatch(/:host\(\[data-theme=['"]?dark['"]?\]\)\s*\{[^}]*--rapport-bg:\s*#111827/);
  // auto follows the visitor's colour scheme with the same values.
  expect(css).toMatch(/prefers-color-scheme:\s*dark/);
});

test('styles stay in the shadow root: :host reset, px only, no inline style attributes', async () => {
  w = await renderWidget();
  const css = styles()[0]!;
  expect(css).toMatch(/:host\s*\{\s*all:\s*initial/);
  expect(css).not.toMatch(/\d(rem|em)\b/);
  expect(css).toMatch(/prefers-reduced-motion/);
  expect(css).toMatch(/max-width:\s*480px/);
  // The dialog's sheet arrives with the UI chunk, under the same rules.
  await openDialog(w);
  expect(styles()).toHaveLength(3);
  expect(styles()[2]).not.toMatch(/\d(rem|em)\b/);
  expect(styles()[2]).toMatch(/\.dialog/);
  // Constructable stylesheets: nothing for a style-src policy to block, no <style> at all.
  expect(w.shadow.querySelector('style')).toBeNull();
  expect(document.head.querySelector('style')).toBeNull();
  expect(w.widget.host!.hasAttribute('style')).toBe(false);
  expect(w.shadow.querySelector('[style]')).toBeNull();
});

test('options win over the site owner’s config: position, theme and accent', async () => {
  const server = createFakeServer();
  server.state.config.position = 'bottom-left';
  server.state.config.theme = { mode: 'dark', accent: '#be123c' };
  w = await renderWidget({ position: 'bottom-right', accent: '#0f766e' }, { server });
  await waitFor(() => expect(w.widget.host!.getAttribute('data-theme')).toBe('dark'));
  expect(w.shadow.querySelector('.root')!.classList.contains('bottom-right')).toBe(true);
  expect(accentRule()).toBe(':host{--rapport-accent:#0f766e}');
});

test('the server config applies where options are silent, and an unsafe accent is ignored', async () => {
  const server = createFakeServer();
  server.state.config.position = 'bottom-left';
  server.state.config.theme = { mode: 'auto', accent: 'red;}body{display:none' };
  server.state.config.panels = ['feedback'];
  w = await renderWidget({}, { server });
  await waitFor(() =>
    expect(w.shadow.querySelector('.root')!.classList.contains('bottom-left')).toBe(true),
  );
  expect(w.widget.host!.getAttribute('data-theme')).toBe('auto');
  expect(accentRule()).toBe(`:host{--rapport-accent:${DEFAULT_ACCENT}}`);
});

test('without constructable stylesheets the nonce goes on every <style>; container is honoured', async () => {
  // An engine without constructable stylesheets (Safari before 16.4).
  vi.stubGlobal(
    'CSSStyleSheet',
    class {
      constructor() {
        throw new TypeError('Illegal constructor');
      }
    },
  );
  const container = document.createElement('section');
  document.body.append(container);
  w = await renderWidget({ nonce: 'r4nd0m', container });
  expect(w.widget.host!.parentElement).toBe(container);
  expect(w.shadow.adoptedStyleSheets).toHaveLength(0);
  await openDialog(w);
  const elements = Array.from(w.shadow.querySelectorAll('style'));
  expect(elements.map((s) => s.nonce)).toEqual(['r4nd0m', 'r4nd0m', 'r4nd0m']);
  // In cascade order: the launcher's sheet, the accent, then the panels' sheet.
  expect(elements[1]!.textContent).toBe(`:host{--rapport-accent:${DEFAULT_ACCENT}}`);
  expect(elements[2]!.textContent).toMatch(/\.dialog/);
  w.cleanup();
  expect(container.children).toHaveLength(0);
  container.remove();
});

test('a malformed server config falls back to defaults instead of breaking the widget', async () => {
  const server = createFakeServer();
  server.state.config = { theme: 'dark', panels: 'all', texts: ['x'], position: 'top' } as never;
  w = await renderWidget({}, { server });
  const errors: unknown[] = [];
  w.client.on('error', (payload) => errors.push(payload));
  await waitFor(() => expect(server.state.requests).toContain('GET /v1/surveys/eligible'));
  expect(w.widget.host!.getAttribute('data-theme')).toBe('auto');
  expect(w.shadow.querySelector('.root')!.classList.contains('bottom-right')).toBe(true);
  expect(w.screen.getByRole('button', { name: 'Open feedback and rewards' })).toBeTruthy();
  expect(errors).toEqual([]);
});
