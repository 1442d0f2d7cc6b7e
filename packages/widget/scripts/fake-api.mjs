/**
 * Answers the widget's API calls for the screenshot run (page.route), like a small demo
 * project would: config, one survey, a loyalty account between tiers, an inbox thread.
 */
const now = '2026-11-20T10:00:00Z';

export function fakeApi({ survey }) {
  let balance = 320;
  const routes = {
    '/v1/config': () => ({
      projectName: 'Fernhill Coffee',
      theme: { mode: 'light', accent: '#4338ca' },
      position: 'bottom-right',
      panels: ['feedback', 'surveys', 'loyalty', 'inbox'],
      texts: {},
    }),
    '/v1/surveys/eligible': () => ({ surveys: survey ? [survey] : [] }),
    '/v1/loyalty': () => ({
      balance,
      lifetimePoints: 620,
      tier: { name: 'Silver', threshold: 500 },
      nextTier: { name: 'Gold', threshold: 1000 },
      progress: 0.24,
      pointsToNextTier: 380,
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
      referralCode: 'JANE42',
    }),
    '/v1/inbox': () => ({
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
    }),
    '/v1/batch': (body) => ({ accepted: body.messages.length, duplicates: 0, rejected: [] }),
    '/v1/loyalty/redeem': (body) => {
      balance -= 300;
      return { id: body.id, rewardId: body.rewardId, cost: 300, balance, duplicate: false };
    },
  };

  return async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type',
    };
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const handler = routes[url.pathname];
    const body = handler
      ? handler(request.postDataJSON?.() ?? {})
      : { error: { code: 'not_found', message: 'No route' } };
    return route.fulfill({
      status: handler ? 200 : 404,
      headers: { ...cors, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  };
}
