import type { FeedbackItem, NpsSummary, Page, Survey } from '@rapport/protocol';
import type { RapportServer } from './rapport-server';

/** Every feedback item the admin API lists, following cursors. */
export async function listFeedback(server: RapportServer): Promise<FeedbackItem[]> {
  const items: FeedbackItem[] = [];
  let cursor: string | undefined;
  do {
    const query = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
    const page = await server.admin<Page<FeedbackItem>>(`/v1/admin/feedback${query}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** The feedback items whose message is exactly `message`. */
export async function feedbackWithMessage(
  server: RapportServer,
  message: string,
): Promise<FeedbackItem[]> {
  return (await listFeedback(server)).filter((item) => item.message === message);
}

/** The seeded demo NPS survey. */
export async function demoNpsSurvey(server: RapportServer): Promise<Survey> {
  const { items } = await server.admin<Page<Survey>>('/v1/admin/surveys');
  const survey = items.find((item) => item.type === 'nps');
  if (!survey) throw new Error('the demo seed has no NPS survey');
  return survey;
}

/** Makes every survey in the demo project show (or not) right away on every page. */
export async function setSurveysActive(server: RapportServer, active: boolean): Promise<void> {
  const { items } = await server.admin<Page<Survey>>('/v1/admin/surveys');
  for (const survey of items) {
    await server.admin(`/v1/admin/surveys/${survey.id}`, {
      method: 'PATCH',
      body: active ? { active, samplePercent: 100, targeting: { delaySeconds: 0 } } : { active },
    });
  }
}

export function npsSummary(server: RapportServer, surveyId: string): Promise<NpsSummary> {
  return server.admin<NpsSummary>(`/v1/admin/nps?surveyId=${encodeURIComponent(surveyId)}`);
}
