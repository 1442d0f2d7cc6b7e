/**
 * Answers the widget's API calls for the screenshot run (page.route) with the tests' fake server
 * (test/helpers/fake-server.ts), dressed as a small demo shop: its config, one survey, a loyalty
 * account between tiers and an inbox thread. Only the browser's part is here: CORS preflights
 * and turning a Playwright route into the request the fake server answers.
 */
import { DEVICE_SECRET_HEADER, type EligibleSurvey } from '@rapport/protocol';
import type { Route } from 'playwright-core';
import { createFakeServer, GOLD_VIEW } from '../test/helpers/fake-server';

const now = '2026-11-20T10:00:00Z';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': `authorization, content-type, ${DEVICE_SECRET_HEADER}`,
};

/** A page.route handler for `https://api.rapport.test/**`, showing `survey` when given. */
export function fakeApi({ survey }: { survey?: EligibleSurvey }) {
  const server = createFakeServer({
    surveys: survey ? [survey] : [],
    loyalty: {
      ...structuredClone(GOLD_VIEW),
      rewards: [
        { id: 'coffee', name: 'Free flat white', cost: 300, description: 'Any milk', active: true },
        { id: 'beans', name: 'Bag of house beans', cost: 900, active: true },
      ],
      waysToEarn: [
        { label: 'Every order', points: 10 },
        { label: 'Write a review', points: 50 },
      ],
      activity: [
        { id: 'a1', points: 120, reason: 'Order #1042', createdAt: now },
        { id: 'a2', points: 50, reason: 'Review', createdAt: '2026-11-12T10:00:00Z' },
      ],
    },
    inbox: {
      threads: [
        {
          id: 'f1',
          message: 'Could you add oat milk to the subscription?',
          category: 'idea',
          status: 'in_progress',
          createdAt: '2026-11-18T09:00:00Z',
          replies: [
            {
              id: 'r1',
              body: 'Great idea — oat milk arrives with the December box!',
              author: 'team',
              createdAt: now,
            },
          ],
        },
      ],
    },
  });
  server.state.config.projectName = 'Fernhill Coffee';

  return async (route: Route) => {
    const request = route.request();
    const method = request.method();
    if (method === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS });
    const url = new URL(request.url());
    const answer = await server.handle({
      method: method === 'POST' ? 'POST' : 'GET',
      path: url.pathname + url.search,
      headers: await request.allHeaders(),
      body: request.postDataJSON() ?? undefined,
    });
    return route.fulfill({
      status: answer.status,
      headers: { ...CORS, 'content-type': 'application/json' },
      body: JSON.stringify(answer.body),
    });
  };
}
