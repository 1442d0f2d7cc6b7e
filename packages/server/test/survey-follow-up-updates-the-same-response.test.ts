import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { asSecretKey, ingest } from './helpers/inbox';
import { message, send } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

// Issue 13, item 2: the widget sends the score when it is picked, then the follow-up comment
// under the same client-chosen `responseId`. One response, however the messages arrive.
describe.each(databases)('a survey answer sent in steps on $name', (database) => {
  const ctx = useTestApp(database);

  async function survey(id = 'nps-1', type = 'nps') {
    const res = await asSecretKey(ctx, 'POST', '/v1/admin/surveys', {
      id,
      name: id,
      type,
      question: 'How likely are you to recommend us?',
    });
    expect(res.status).toBe(201);
  }

  async function responses() {
    return ctx.store.db
      .selectFrom('survey_responses')
      .select(['id', 'survey_id', 'anonymous_id', 'score', 'comment'])
      .orderBy('id')
      .execute();
  }

  function step(fields: Record<string, unknown>, timestamp: string) {
    return message('survey_response', { surveyId: 'nps-1', timestamp, ...fields });
  }

  it('stores the score, then the follow-up as ONE response with score and comment', async () => {
    await survey();
    const picked = step({ responseId: 'resp-1', score: 8 }, '2026-03-02T11:00:00.000Z');
    await ingest(ctx, [picked]);
    expect(await responses()).toEqual([
      { id: 'resp-1', survey_id: 'nps-1', anonymous_id: 'anon-1', score: 8, comment: null },
    ]);
    const followUp = step(
      { responseId: 'resp-1', score: 8, comment: 'Fast delivery' },
      '2026-03-02T11:00:20.000Z',
    );
    await ingest(ctx, [followUp]);
    expect(await responses()).toEqual([
      {
        id: 'resp-1',
        survey_id: 'nps-1',
        anonymous_id: 'anon-1',
        score: 8,
        comment: 'Fast delivery',
      },
    ]);
  });

  it('changes nothing when either step is replayed, in any order', async () => {
    await survey();
    const picked = step({ responseId: 'resp-2', score: 4 }, '2026-03-02T11:00:00.000Z');
    const followUp = step(
      { responseId: 'resp-2', score: 9, comment: 'Changed my mind' },
      '2026-03-02T11:00:30.000Z',
    );
    await ingest(ctx, [picked]);
    await ingest(ctx, [followUp]);
    const before = await responses();
    expect(before).toEqual([expect.objectContaining({ score: 9, comment: 'Changed my mind' })]);
    const replay = await send(ctx.app, 'POST', '/v1/batch', { messages: [followUp, picked] });
    expect(replay.body).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect(await responses()).toEqual(before);
  });

  it('lets the newest step win: a re-picked score replaces, a late older step only fills gaps', async () => {
    await survey();
    const first = step({ responseId: 'resp-3', score: 3 }, '2026-03-02T11:00:00.000Z');
    const repicked = step(
      { responseId: 'resp-3', score: 10, comment: 'Actually great' },
      '2026-03-02T11:01:00.000Z',
    );
    // The follow-up arrives first (another tab's outbox drained sooner), the pick later.
    await ingest(ctx, [repicked]);
    await ingest(ctx, [first]);
    expect(await responses()).toEqual([
      expect.objectContaining({ id: 'resp-3', score: 10, comment: 'Actually great' }),
    ]);
    // Both steps in one batch merge before they are stored.
    const a = step({ responseId: 'resp-4', score: 5 }, '2026-03-02T12:00:00.000Z');
    const b = step({ responseId: 'resp-4', score: 6, comment: 'Meh' }, '2026-03-02T12:00:05.000Z');
    await ingest(ctx, [b, a]);
    expect((await responses()).filter((row) => row.id === 'resp-4')).toEqual([
      expect.objectContaining({ score: 6, comment: 'Meh' }),
    ]);
  });

  it('never lets another visitor or survey write into a response', async () => {
    await survey();
    await survey('csat-1', 'csat');
    await ingest(ctx, [step({ responseId: 'resp-5', score: 7 }, '2026-03-02T11:00:00.000Z')]);
    await ingest(ctx, [
      step(
        { responseId: 'resp-5', score: 0, comment: 'not mine', anonymousId: 'anon-2' },
        '2026-03-02T11:05:00.000Z',
      ),
      step(
        { responseId: 'resp-5', surveyId: 'csat-1', score: 1, comment: 'other survey' },
        '2026-03-02T11:06:00.000Z',
      ),
    ]);
    expect(await responses()).toEqual([
      { id: 'resp-5', survey_id: 'nps-1', anonymous_id: 'anon-1', score: 7, comment: null },
    ]);
  });

  it('still stores a one-message answer without responseId under its message id', async () => {
    await survey();
    const old = message('survey_response', { surveyId: 'nps-1', score: 9, comment: 'Great' });
    await ingest(ctx, [old]);
    expect(await responses()).toEqual([
      { id: old.id, survey_id: 'nps-1', anonymous_id: 'anon-1', score: 9, comment: 'Great' },
    ]);
  });

  it('opens one detractor thread that takes the follow-up comment', async () => {
    await survey();
    await ingest(ctx, [step({ responseId: 'resp-6', score: 2 }, '2026-03-02T11:00:00.000Z')]);
    await ingest(ctx, [
      step({ responseId: 'resp-6', score: 2, comment: 'Too slow' }, '2026-03-02T11:00:40.000Z'),
    ]);
    const list = await asSecretKey(ctx, 'GET', '/v1/admin/feedback');
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual(['resp-6']);
    const thread = await asSecretKey(ctx, 'GET', '/v1/admin/feedback/resp-6');
    expect(thread.body.item).toMatchObject({
      message: 'Too slow',
      surveyAnswer: { surveyId: 'nps-1', score: 2 },
      tags: ['detractor'],
    });
  });
});
