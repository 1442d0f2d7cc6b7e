import type { EligibleSurvey } from '@rapport/protocol';
import { fireEvent } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createFakeServer } from './helpers/fake-server';
import { type RenderedWidget, renderWidget } from './helpers/render-widget';
import { CSAT, NPS } from './helpers/surveys';

let w: RenderedWidget;
afterEach(() => w?.cleanup());

const TRANSLATED: EligibleSurvey = {
  ...NPS,
  translations: {
    fr: {
      question: 'Recommanderiez-vous Acme à un ami ?',
      followUp: { detractor: 'Désolé. Qu’est-ce qui n’a pas marché ?' },
    },
    de: { question: 'Würden Sie Acme einem Freund empfehlen?' },
  },
};

async function showSurvey(locale: string | undefined, survey = TRANSLATED) {
  const server = createFakeServer({ surveys: [survey] });
  w = await renderWidget(locale ? { locale } : {}, { server });
  return server;
}

const comment = () => w.screen.getByRole('textbox');

test('a French visitor reads the French question and follow-ups, never the English ones', async () => {
  await showSurvey('fr-CA');
  await w.screen.findByRole('radiogroup', { name: 'Recommanderiez-vous Acme à un ami ?' });
  fireEvent.click(w.screen.getByRole('radio', { name: '3' }));
  expect(w.screen.getByLabelText('Désolé. Qu’est-ce qui n’a pas marché ?')).toBe(comment());
  // No French text for passives: the widget's own French question, not the English one.
  fireEvent.click(w.screen.getByRole('radio', { name: '8' }));
  expect(w.screen.getByLabelText('Que faudrait-il pour que vous donniez 10 ?')).toBe(comment());
  expect(w.screen.queryByText(NPS.followUp?.passive ?? '')).toBeNull();
});

test('a language the widget does not ship still gets the site owner’s translation', async () => {
  await showSurvey('de-AT');
  await w.screen.findByRole('radiogroup', { name: 'Würden Sie Acme einem Freund empfehlen?' });
});

test('a visitor in an untranslated language reads the survey’s own texts', async () => {
  await showSurvey('en-GB');
  await w.screen.findByRole('radiogroup', { name: NPS.question });
  fireEvent.click(w.screen.getByRole('radio', { name: '8' }));
  expect(w.screen.getByLabelText(NPS.followUp?.passive ?? '')).toBe(comment());
});

test('a malformed translation from the server is ignored, not thrown into the page', async () => {
  const broken = { ...CSAT, translations: { fr: 'oops', de: { question: 42 } } } as never;
  await showSurvey('fr', broken);
  await w.screen.findByRole('radiogroup', { name: CSAT.question });
  w.cleanup();
  await showSurvey('de', broken);
  await w.screen.findByRole('radiogroup', { name: CSAT.question });
});
