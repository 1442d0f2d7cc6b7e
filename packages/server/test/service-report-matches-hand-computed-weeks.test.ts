import { describe, expect, it } from 'vitest';
import { addUser, consoleBrowser } from './helpers/console-session';
import { databases } from './helpers/databases';
import { asSecretKey, createSurveys, ingest } from './helpers/inbox';
import { message, send } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

/**
 * Two UTC weeks of a project's service, every figure worked out by hand below. The report is
 * read on Wednesday 2026-03-11, so `weeks=2` covers Monday 2026-03-02 and Monday 2026-03-09.
 */
const NOW = '2026-03-11T12:00:00.000Z';
const HOUR = 3600;
const DAY = 24 * HOUR;

describe.each(databases)('the weekly service report on $name', (database) => {
  const ctx = useTestApp(database);

  const at = (iso: string) => ctx.clock.set(`2026-03-${iso}:00.000Z`);

  async function thread(id: string, userId: string, created: string) {
    await ingest(ctx, [
      message('feedback', { id, userId, message: id, timestamp: `2026-03-${created}:00.000Z` }),
    ]);
  }
  async function teamReply(id: string, when: string) {
    at(when);
    const res = await asSecretKey(ctx, 'POST', `/v1/admin/feedback/${id}/replies`, { body: 'Hi' });
    expect(res.status).toBe(201);
  }
  async function setStatus(id: string, status: string, when: string) {
    at(when);
    const res = await asSecretKey(ctx, 'PATCH', `/v1/admin/feedback/${id}`, { status });
    expect(res.status).toBe(200);
  }
  async function rate(id: string, userId: string, resolved: string, when: string, score?: number) {
    at(when);
    const resolvedAt = `2026-03-${resolved}:00.000Z`;
    await ingest(ctx, [message('resolution_rating', { userId, threadId: id, resolvedAt, score })]);
  }
  async function nps(
    person: Record<string, string>,
    score: number,
    when: string,
    surveyId = 'nps-1',
  ) {
    const timestamp = `2026-03-${when}:00.000Z`;
    await ingest(ctx, [message('survey_response', { ...person, surveyId, score, timestamp })]);
  }

  it('gives each week its medians, resolution CSAT and recovered detractors', async () => {
    ctx.clock.set(NOW);
    await createSurveys(ctx, [
      ['nps-1', 'nps'],
      ['nps-2', 'nps'],
      ['csat-1', 'csat'],
    ]);
    await thread('t1', 'u1', '02T10:00');
    await thread('t2', 'u2', '02T09:00');
    await thread('t3', 'u3', '03T08:00');
    await thread('t4', 'u4', '06T10:00');
    await thread('t5', 'u5', '09T09:00');
    await thread('t6', 'u6', '02T08:00');
    await thread('t7', 'u7', '10T09:00');

    // First team replies. Week of 03-02: t1 1 h, t2 3 h, t3 30 min (t1's second reply is not
    // its first). Week of 03-09: t4 3 days (its message was in the week before), t7 10 min.
    await teamReply('t1', '02T11:00');
    await teamReply('t2', '02T12:00');
    await teamReply('t1', '02T15:00');
    await teamReply('t3', '03T08:30');
    await teamReply('t4', '09T10:00');
    await teamReply('t7', '10T09:10');
    // t5 has only the customer's own answer: no first team reply.
    at('09T09:30');
    await ingest(ctx, [message('reply', { userId: 'u5', threadId: 't5', body: 'Any news?' })]);

    // Resolutions. Week of 03-02: t1 1 day, t2 2 days; t6 (3 days) is reopened later, so it
    // is not resolved any more and counts nowhere. Week of 03-09: t5 1 h, t7 1 day, t4 4 days.
    await setStatus('t1', 'resolved', '03T10:00');
    await setStatus('t2', 'resolved', '04T09:00');
    await setStatus('t6', 'resolved', '05T08:00');
    await setStatus('t5', 'resolved', '09T10:00');
    await setStatus('t6', 'in_progress', '10T08:00');
    await setStatus('t4', 'resolved', '10T10:00');
    await setStatus('t7', 'resolved', '11T09:00');

    // "Did we solve this?" Week of 03-02: 5 and 4. Week of 03-09: 4 and 1; t5 dismissed it.
    await rate('t1', 'u1', '03T10:00', '03T12:00', 5);
    await rate('t2', 'u2', '04T09:00', '04T10:00', 4);
    await rate('t5', 'u5', '09T10:00', '09T11:00');
    await rate('t4', 'u4', '10T10:00', '10T11:00', 4);
    await rate('t7', 'u7', '11T09:00', '11T10:00', 1);

    // NPS answers, counted in the week of the detractor's next NPS answer.
    const a = { userId: 'pa' };
    await nps(a, 3, '01T10:00'); // the week before the report…
    await nps(a, 8, '03T10:00'); // …recovered in the week of 03-02
    const b = { userId: 'pb' };
    await nps(b, 5, '02T10:00');
    await nps(b, 6, '04T10:00'); // followed up, not recovered (6 is a detractor), week 03-02
    await nps(b, 9, '10T10:00', 'nps-2'); // 6 → 9 on another NPS survey: recovered, week 03-09
    await nps({ anonymousId: 'browser-c' }, 2, '09T10:00');
    await nps({ anonymousId: 'browser-c' }, 7, '10T11:00'); // 7 is enough: recovered, 03-09
    await nps({ userId: 'pd' }, 4, '10T10:00'); // no next answer yet
    const e = { userId: 'pe' };
    await nps(e, 1, '03T10:00');
    await nps(e, 5, '04T10:00', 'csat-1'); // a CSAT answer is not an NPS answer
    await nps(e, 10, '11T11:00'); // recovered, week 03-09
    const f = { userId: 'pf' };
    await nps(f, 9, '03T10:00');
    await nps(f, 2, '04T10:00'); // a promoter turning detractor recovers nothing
    await nps({ userId: 'pg' }, 0, '09T10:00');
    await nps({ userId: 'pg' }, 6, '10T10:00'); // followed up, not recovered, week 03-09

    ctx.clock.set(NOW);
    const res = await asSecretKey(ctx, 'GET', '/v1/admin/reports/service?weeks=2');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      timezone: 'UTC',
      weeks: [
        {
          start: '2026-03-02T00:00:00.000Z',
          // 30 min, 1 h, 3 h → the middle one.
          firstReply: { count: 3, medianSeconds: HOUR },
          // 1 day, 2 days → their mean.
          resolution: { count: 2, medianSeconds: 1.5 * DAY },
          csat: { responses: 2, average: 4.5, satisfied: 2, satisfiedPercent: 100 },
          detractors: { followedUp: 2, recovered: 1 },
        },
        {
          start: '2026-03-09T00:00:00.000Z',
          // 10 min, 3 days → their mean: (600 + 259,200) / 2.
          firstReply: { count: 2, medianSeconds: 129_900 },
          // 1 h, 1 day, 4 days → the middle one.
          resolution: { count: 3, medianSeconds: DAY },
          csat: { responses: 2, average: 2.5, satisfied: 1, satisfiedPercent: 50 },
          detractors: { followedUp: 4, recovered: 3 },
        },
      ],
    });
  });

  it('fills quiet weeks with zeros and refuses a bad range with invalid_query', async () => {
    ctx.clock.set(NOW);
    const quiet = await asSecretKey(ctx, 'GET', '/v1/admin/reports/service');
    expect(quiet.body.weeks).toHaveLength(8);
    expect(quiet.body.weeks[0].start).toBe('2026-01-19T00:00:00.000Z');
    expect(quiet.body.weeks[7]).toEqual({
      start: '2026-03-09T00:00:00.000Z',
      firstReply: { count: 0, medianSeconds: null },
      resolution: { count: 0, medianSeconds: null },
      csat: { responses: 0, average: null, satisfied: 0, satisfiedPercent: null },
      detractors: { followedUp: 0, recovered: 0 },
    });
    for (const weeks of ['0', '53', 'x']) {
      const res = await asSecretKey(ctx, 'GET', `/v1/admin/reports/service?weeks=${weeks}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_query');
    }
    // The public key cannot read it.
    const pub = await send(ctx.app, 'GET', '/v1/admin/reports/service');
    expect(pub.status).toBe(403);
  });

  it('is readable by a signed-in member of the project, like every report, and by no one else', async () => {
    ctx.clock.set(NOW);
    await addUser(ctx.store, 'member@team.test', { projectId: 'proj_test', role: 'member' });
    const member = consoleBrowser(ctx.app);
    expect((await member.signIn('member@team.test')).status).toBe(200);
    const own = await member.send('GET', '/v1/admin/reports/service?weeks=1', undefined, {
      'x-rapport-project': 'proj_test',
    });
    expect([own.status, own.body.weeks.length]).toEqual([200, 1]);
    const other = await member.send('GET', '/v1/admin/reports/service', undefined, {
      'x-rapport-project': 'proj_other',
    });
    expect(other.status).toBe(403);
  });
});
