import type { EligibleSurvey, LoyaltyView } from '@rapport/protocol';
import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createFakeServer, GOLD_VIEW } from './helpers/fake-server';
import { openDialog, type RenderedWidget, renderWidget } from './helpers/render-widget';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

/** Markup that would become elements (and run script) if any of it were parsed as HTML. */
const hostile = (field: string) => `<img src=x onerror="alert('${field}')"><b>${field}</b>`;

/** Elements that only exist in the shadow root if server text was parsed as markup. */
const INJECTED = 'img, b, script, iframe';

test('a survey question and its follow-up from the server stay text', async () => {
  const survey: EligibleSurvey = {
    id: 'nps-hostile',
    type: 'nps',
    question: hostile('question'),
    followUp: {
      detractor: hostile('detractor'),
      passive: hostile('passive'),
      promoter: hostile('promoter'),
    },
    delaySeconds: 0,
  };
  w = await renderWidget({}, { server: createFakeServer({ surveys: [survey] }) });
  await w.screen.findByRole('dialog', { name: hostile('question') });
  fireEvent.click(w.screen.getAllByRole('radio')[3]!);
  await w.screen.findByText(hostile('detractor'));
  expect(w.shadow.querySelector(INJECTED)).toBeNull();
});

test('a CSAT question from the server stays text', async () => {
  const survey: EligibleSurvey = {
    id: 'csat-hostile',
    type: 'csat',
    question: hostile('csat'),
    delaySeconds: 0,
  };
  w = await renderWidget({}, { server: createFakeServer({ surveys: [survey] }) });
  await w.screen.findByRole('dialog', { name: hostile('csat') });
  expect(w.shadow.querySelector(INJECTED)).toBeNull();
});

test('reward, tier, way-to-earn and activity texts from the server stay text', async () => {
  const loyalty: LoyaltyView = {
    ...structuredClone(GOLD_VIEW),
    tier: { name: hostile('tier'), threshold: 500 },
    nextTier: { name: hostile('next-tier'), threshold: 1000 },
    rewards: [
      {
        id: 'r1',
        name: hostile('reward'),
        cost: 100,
        description: hostile('description'),
        active: true,
      },
    ],
    waysToEarn: [{ label: hostile('way'), points: 50 }],
    activity: [
      { id: 'a1', points: 10, reason: hostile('reason'), createdAt: '2026-11-20T10:00:00Z' },
    ],
  };
  w = await renderWidget({}, { userId: 'jane', server: createFakeServer({ loyalty }) });
  await openDialog(w, 'Rewards');
  await w.screen.findByText(hostile('reward'));
  const text = w.shadow.textContent ?? '';
  for (const field of ['tier', 'description', 'way', 'reason']) {
    expect(text).toContain(hostile(field));
  }
  expect(w.shadow.querySelector(INJECTED)).toBeNull();
});

test('text overrides from the server config stay text', async () => {
  const server = createFakeServer();
  server.state.config = { ...server.state.config, texts: { title: hostile('override') } };
  w = await renderWidget({}, { server });
  await openDialog(w);
  await w.screen.findByRole('dialog', { name: hostile('override') });
  expect(w.shadow.querySelector(INJECTED)).toBeNull();
});
