import { fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { axeViolations } from './helpers/axe';
import { fakeClock } from './helpers/fill-time';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => {
  w?.cleanup();
  vi.useRealTimers();
});

test('a filled form is sent with its topic and email, then thanks the visitor', async () => {
  const clock = fakeClock();
  w = await renderWidget();
  await openDialog(w);
  fireEvent.change(w.screen.getByLabelText('What is it about?'), { target: { value: 'idea' } });
  fireEvent.input(w.screen.getByLabelText('Your message'), {
    target: { value: 'Dark mode please' },
  });
  fireEvent.input(w.screen.getByLabelText('Email (optional)'), {
    target: { value: 'jane@example.com' },
  });
  clock.pass();
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));

  const status = await w.screen.findByRole('status');
  expect(status.textContent).toContain('Sent — we read every message.');
  const sent = w.server.state.messages.filter((m) => m.type === 'feedback');
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({
    message: 'Dark mode please',
    category: 'idea',
    email: 'jane@example.com',
  });
  // The SDK adds the page context automatically.
  expect(sent[0]).toHaveProperty('context.url');
  await waitFor(() => expect(w.active()).toBe(status));
  expect(await axeViolations(w.widget.host!)).toEqual([]);

  fireEvent.click(w.screen.getByRole('button', { name: 'Send another message' }));
  expect((w.screen.getByLabelText('Your message') as HTMLTextAreaElement).value).toBe('');
});

test('validation messages name the problem, mark the field and send nothing', async () => {
  const clock = fakeClock();
  w = await renderWidget();
  await openDialog(w);
  clock.pass();
  fireEvent.input(w.screen.getByLabelText('Email (optional)'), { target: { value: 'jane@' } });
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));

  const message = w.screen.getByLabelText('Your message');
  expect(message.getAttribute('aria-invalid')).toBe('true');
  expect(w.screen.getByText('Please write a message.').id).toBe(
    message.getAttribute('aria-describedby'),
  );
  expect(w.screen.getByLabelText('Email (optional)').getAttribute('aria-invalid')).toBe('true');
  expect(w.screen.getByText('Please enter a valid email address, or leave it empty.')).toBeTruthy();
  expect(await axeViolations(w.widget.host!)).toEqual([]);
  expect(w.server.state.messages.filter((m) => m.type === 'feedback')).toHaveLength(0);
});

test('a submit faster than a human could type does not count, and the text stays', async () => {
  fakeClock();
  w = await renderWidget();
  await openDialog(w);
  fireEvent.input(w.screen.getByLabelText('Your message'), { target: { value: 'Hi' } });
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));
  expect(w.screen.getByRole('alert').textContent).toContain('That was quick!');
  expect((w.screen.getByLabelText('Your message') as HTMLTextAreaElement).value).toBe('Hi');
  expect(w.server.state.messages.filter((m) => m.type === 'feedback')).toHaveLength(0);
});

test('the fill time counts from when the form is shown, not from page load', async () => {
  const clock = fakeClock();
  w = await renderWidget();
  clock.pass(60_000); // the visitor read the page for a minute before opening the widget
  await openDialog(w);
  await new Promise((resolve) => setTimeout(resolve, 30)); // effects run after paint
  fireEvent.input(w.screen.getByLabelText('Your message'), { target: { value: 'Bot text' } });
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));
  expect(w.screen.getByRole('alert').textContent).toContain('That was quick!');
  clock.pass();
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));
  await w.screen.findByText('Sent — we read every message.');
});

test('the honeypot is hidden from people and assistive tech; filling it sends nothing', async () => {
  const clock = fakeClock();
  w = await renderWidget();
  await openDialog(w);
  const trap = w.shadow.querySelector<HTMLInputElement>('input[name="website"]')!;
  expect(trap.tabIndex).toBe(-1);
  expect(trap.closest('[aria-hidden="true"]')).not.toBeNull();
  fireEvent.input(w.screen.getByLabelText('Your message'), { target: { value: 'Buy now' } });
  fireEvent.input(trap, { target: { value: 'http://spam.example' } });
  clock.pass();
  fireEvent.click(w.screen.getByRole('button', { name: 'Send' }));
  await w.screen.findByText('Sent — we read every message.');
  expect(w.server.state.messages.filter((m) => m.type === 'feedback')).toHaveLength(0);
});
