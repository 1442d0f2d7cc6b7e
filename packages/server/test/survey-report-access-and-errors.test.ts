import { describe, expect, it, vi } from 'vitest';
import { addUser, consoleBrowser } from './helpers/console-session';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

vi.setConfig({ testTimeout: 60_000 });

const admin = { key: SK };
const PROJECT = { 'x-rapport-project': 'proj_test' };

describe.each(databases)('survey report access and errors on $name', (database) => {
  const ctx = useTestApp(database);

  async function survey(type: 'nps' | 'csat' = 'nps') {
    await send(
      ctx.app,
      'POST',
      '/v1/admin/surveys',
      { id: 's1', name: 'S', type, question: 'Q?' },
      admin,
    );
  }

  it('lets a member read the report, the comments and the list with their session', async () => {
    await survey();
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [message('survey_response', { surveyId: 's1', score: 9, comment: 'Nice' })],
    });
    await addUser(ctx.store, 'member@team.test', { projectId: 'proj_test', role: 'member' });
    const member = consoleBrowser(ctx.app);
    expect((await member.signIn('member@team.test')).status).toBe(200);
    const report = await member.send(
      'GET',
      '/v1/admin/surveys/s1/report?breakdown=tier',
      undefined,
      PROJECT,
    );
    expect(report.status).toBe(200);
    expect(report.body.period.summary.nps.score).toBe(100);
    const comments = await member.send('GET', '/v1/admin/surveys/s1/comments', undefined, PROJECT);
    expect(comments.body.items.map((item: { comment: string }) => item.comment)).toEqual(['Nice']);
    const list = await member.send('GET', '/v1/admin/surveys', undefined, PROJECT);
    expect(list.body.items[0].summary).toEqual({ responses: 1, nps: 100 });
  });

  it('answers 404 not_found for an unknown survey or another project’s', async () => {
    await send(
      ctx.app,
      'POST',
      '/v1/admin/surveys',
      { id: 'theirs', name: 'S', type: 'nps', question: 'Q?' },
      { key: 'sk_other' },
    );
    for (const path of [
      '/v1/admin/surveys/nope/report',
      '/v1/admin/surveys/theirs/report',
      '/v1/admin/surveys/nope/comments',
    ]) {
      const res = await send(ctx.app, 'GET', path, undefined, admin);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        error: { code: 'not_found', message: expect.stringContaining('No survey') },
      });
    }
  });

  it('answers 400 invalid_query for a bad interval, range, comparison, breakdown, band or score', async () => {
    await survey('csat');
    const bad = [
      'report?interval=day',
      'report?from=2026-03-10&to=2026-03-01',
      'report?compareFrom=2026-01-01',
      'report?from=yesterday',
      'report?breakdown=plan',
      'report?breakdown=trait:',
      'comments?band=promoter',
      'comments?score=9',
      'comments?cursor=garbage',
      'comments?limit=0',
    ];
    for (const query of bad) {
      const res = await send(ctx.app, 'GET', `/v1/admin/surveys/s1/${query}`, undefined, admin);
      expect([query, res.status]).toEqual([query, 400]);
      expect(res.body.error).toMatchObject({ code: 'invalid_query', message: expect.any(String) });
    }
  });
});
