import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

const FRENCH = {
  question: 'Recommanderiez-vous notre boutique à un ami ?',
  followUp: { detractor: 'Qu’est-ce qui vous a déçu ?' },
};
const GERMAN = { question: 'Würden Sie uns einem Freund empfehlen?' };

describe.each(databases)('survey translations on $name', (database) => {
  const ctx = useTestApp(database, { settings: { surveyGlobalWaitDays: 0 } });
  const admin = (method: string, path: string, body?: unknown) =>
    send(ctx.app, method, path, body, { key: SK });

  it('keeps the texts of each language and hands them to the widget with the survey', async () => {
    const created = await admin('POST', '/v1/admin/surveys', {
      id: 'nps-translated',
      name: 'Recommend',
      type: 'nps',
      question: 'Would you recommend our shop to a friend?',
      followUp: { detractor: 'What let you down?', passive: 'What is missing?', promoter: 'Why?' },
      translations: { fr: FRENCH, de: GERMAN },
    });
    expect(created.status).toBe(201);
    expect(created.body.translations).toEqual({ fr: FRENCH, de: GERMAN });
    expect((await admin('GET', '/v1/admin/surveys/nps-translated')).body.translations).toEqual({
      fr: FRENCH,
      de: GERMAN,
    });

    const eligible = await send(ctx.app, 'GET', '/v1/surveys/eligible?anonymousId=a1');
    expect(eligible.body.surveys).toEqual([
      expect.objectContaining({ id: 'nps-translated', translations: { fr: FRENCH, de: GERMAN } }),
    ]);
    const byId = await send(ctx.app, 'GET', '/v1/surveys/nps-translated');
    expect(byId.body.translations).toEqual({ fr: FRENCH, de: GERMAN });
  });

  it('replaces the translations on PATCH, and clears them with {}', async () => {
    await admin('POST', '/v1/admin/surveys', {
      id: 'csat-translated',
      name: 'Checkout',
      type: 'csat',
      question: 'How was checking out?',
      translations: { fr: { question: 'Comment s’est passé le paiement ?' } },
    });
    const replaced = await admin('PATCH', '/v1/admin/surveys/csat-translated', {
      translations: { de: { question: 'Wie war der Bezahlvorgang?' } },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.translations).toEqual({ de: { question: 'Wie war der Bezahlvorgang?' } });
    const untouched = await admin('PATCH', '/v1/admin/surveys/csat-translated', { active: true });
    expect(untouched.body.translations).toEqual({ de: { question: 'Wie war der Bezahlvorgang?' } });

    const cleared = await admin('PATCH', '/v1/admin/surveys/csat-translated', {
      translations: {},
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('translations');
    const byId = await send(ctx.app, 'GET', '/v1/surveys/csat-translated');
    expect(byId.body).not.toHaveProperty('translations');
  });

  it('refuses a language that is not a base tag and a text over the label limit, naming the field', async () => {
    const base = { name: 'Bad', type: 'nps', question: 'Recommend us?' };
    const region = await admin('POST', '/v1/admin/surveys', {
      ...base,
      translations: { 'fr-CA': { question: 'Nous recommanderiez-vous ?' } },
    });
    expect(region.status).toBe(400);
    expect(region.body.error.code).toBe('invalid_body');
    expect(region.body.error.details).toEqual([
      {
        path: 'translations.fr-CA',
        message: 'fr-CA is not a base language tag: use one like fr, de or pt',
      },
    ]);

    const long = await admin('POST', '/v1/admin/surveys', {
      ...base,
      translations: { fr: { question: 'x'.repeat(1_000) } },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'translations.fr.question' })]),
    );
    const none = await admin('GET', '/v1/admin/surveys');
    expect(none.body.items.map((survey: { name: string }) => survey.name)).not.toContain('Bad');
  });
});
