import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { fakeClock } from './helpers/fill-time';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.useRealTimers();
});

test('while the feedback is in flight the button says Sending… and cannot be pressed again', async () => {
  const clock = fakeClock();
  w = await renderWidget();
  await openDialog(w);
  let release = () => {};
  w.server.state.gate = new Promise((resolve) => {
    release = resolve;
  });
  fireEvent.input(w.screen.getByLabelText('Your message'), { target: { value: 'Slow network' } });
  clock.pass();
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));

  const sending = await w.screen.findByRole('button', { name: 'Sending…' });
  expect((sending as HTMLButtonElement).disabled).toBe(true);
  expect(w.shadow.querySelector('form')?.getAttribute('aria-busy')).toBe('true');
  fireEvent.submit(w.shadow.querySelector('form')!);
  release();
  await w.screen.findByText('Sent — we read every message.');
  expect(w.server.state.messages.filter((m) => m.type === 'feedback')).toHaveLength(1);
});
