import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe';
import { createFakeServer } from './helpers/fake-server';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';
import { NPS } from './helpers/surveys';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

const question = () => w.screen.getByRole('radiogroup', { name: NPS.question });
const followUp = () => w.shadow.querySelector('label[for="rapport-survey-comment"]')?.textContent;

test('the 0–10 row is a labelled radio group with captioned ends', async () => {
  w = await renderWidget({}, { server: createFakeServer({ surveys: [NPS] }) });
  await w.screen.findByRole('dialog', { name: NPS.question });
  const radios = w.screen.getAllByRole('radio');
  expect(radios.map((r) => r.textContent)).toEqual([
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    '10',
  ]);
  expect(radios[0]!.getAttribute('aria-label')).toBe('0, Not likely');
  expect(radios[10]!.getAttribute('aria-label')).toBe('10, Very likely');
  expect(w.screen.getByText('Not likely')).toBeTruthy();
  expect(w.screen.getByText('Very likely')).toBeTruthy();
  expect(question()).toBeTruthy();
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('the follow-up question matches the score: 3 detractor, 8 passive, 10 promoter', async () => {
  w = await renderWidget({}, { server: createFakeServer({ surveys: [NPS] }) });
  await w.screen.findByRole('radiogroup');
  fireEvent.click(w.screen.getByRole('radio', { name: '3' }));
  expect(followUp()).toBe('Sorry to hear it. What went wrong?');
  fireEvent.click(w.screen.getByRole('radio', { name: '8' }));
  expect(followUp()).toBe('What would make Acme a 10?');
  fireEvent.click(w.screen.getByRole('radio', { name: '10, Very likely' }));
  expect(followUp()).toBe('Great! What do you love most?');
  expect(await axeViolations(w.widget.host!)).toEqual([]);
});

test('without site-owner follow-ups the built-in questions are used', async () => {
  const survey = { ...NPS, followUp: undefined };
  w = await renderWidget({}, { server: createFakeServer({ surveys: [survey] }) });
  await w.screen.findByRole('radiogroup');
  fireEvent.click(w.screen.getByRole('radio', { name: '6' }));
  expect(followUp()).toBe('What could we do better?');
  fireEvent.click(w.screen.getByRole('radio', { name: '7' }));
  expect(followUp()).toBe('What would make it a 10 for you?');
  fireEvent.click(w.screen.getByRole('radio', { name: '9' }));
  expect(followUp()).toBe('What do you like most?');
});

test('arrow keys, Home and End move the choice with one tab stop', async () => {
  w = await renderWidget({}, { server: createFakeServer({ surveys: [NPS] }) });
  await w.screen.findByRole('radiogroup');
  const tabStops = () => w.screen.getAllByRole('radio').filter((r) => r.tabIndex === 0);
  expect(tabStops().map((r) => r.textContent)).toEqual(['0']);
  const zero = w.screen.getByRole('radio', { name: '0, Not likely' });
  zero.focus();
  fireEvent.keyDown(zero, { key: 'ArrowRight' });
  expect(w.active()?.textContent).toBe('0');
  expect(w.active()?.getAttribute('aria-checked')).toBe('true');
  fireEvent.keyDown(w.active()!, { key: 'ArrowRight' });
  fireEvent.keyDown(w.active()!, { key: 'ArrowRight' });
  expect(w.active()?.textContent).toBe('2');
  fireEvent.keyDown(w.active()!, { key: 'ArrowLeft' });
  expect(w.active()?.textContent).toBe('1');
  fireEvent.keyDown(w.active()!, { key: 'End' });
  expect(w.active()?.textContent).toBe('10');
  expect(followUp()).toBe('Great! What do you love most?');
  fireEvent.keyDown(w.active()!, { key: 'Home' });
  expect(w.active()?.textContent).toBe('0');
  expect(tabStops().map((r) => r.textContent)).toEqual(['0']);
  expect(
    w.screen.getAllByRole('radio').filter((r) => r.getAttribute('aria-checked') === 'true'),
  ).toHaveLength(1);
});
