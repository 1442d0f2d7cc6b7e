import {
  DEFAULT_ACCENT,
  defaultWidgetConfig,
  type EligibleSurvey,
  type InboxResponse,
  type LoyaltyView,
  type Message,
  type WidgetConfig,
} from '@rapport/protocol';
import type { TransportRequest, TransportResponse } from '@rapport/sdk';

/** A valid-looking userHash (the fake server checks presence, not the HMAC). */
export const USER_HASH = 'a'.repeat(64);

export const GOLD_VIEW: LoyaltyView = {
  balance: 320,
  lifetimePoints: 620,
  tier: { name: 'Silver', threshold: 500 },
  nextTier: { name: 'Gold', threshold: 1000 },
  progress: 0.24,
  pointsToNextTier: 380,
  rewards: [
    { id: 'coffee', name: 'Free coffee', cost: 300, description: 'Any size', active: true },
    { id: 'tote', name: 'Tote bag', cost: 900, active: true },
  ],
  waysToEarn: [{ label: 'Write a review', points: 50 }],
  activity: [{ id: 'a1', points: 120, reason: 'Order #1042', createdAt: '2026-11-20T10:00:00Z' }],
  referralCode: 'JANE42',
};

interface FakeServerState {
  config: WidgetConfig;
  surveys: EligibleSurvey[];
  /** Running surveys that eligibility does not offer: readable by id (`GET /v1/surveys/:id`). */
  running: EligibleSurvey[];
  loyalty: LoyaltyView;
  inbox: InboxResponse;
  /** The customer read the team's replies up to this time (`POST /v1/inbox/read`). */
  readThrough: string;
  /** Every message the server accepted, in order (duplicates by id stored once). */
  messages: Message[];
  /** Redeem requests that charged points (a repeated id charges nothing). */
  charges: string[];
  /** When true every request fails like a dropped connection. */
  offline: boolean;
  /** Paths (without query) answered with a 500. */
  failing: Set<string>;
  /** When true the batch endpoint refuses the page's origin (403 `origin_not_allowed`). */
  refusingOrigin: boolean;
  /** Message types the batch endpoint rejects (as invalid), e.g. `feedback`. */
  rejecting: Set<string>;
  /** Every request seen, as `METHOD /path`. */
  requests: string[];
  /** While set, batch and redeem requests wait for this promise (to observe in-flight states). */
  gate: Promise<void> | undefined;
  /** Free codes of rewards with `usesCodes`, handed out first to last; none left is 409. */
  codes: Record<string, string[]>;
}

/**
 * An in-memory stand-in for the Rapport server's public API, shaped as a memoryTransport
 * handler: answers config, eligible surveys, loyalty (with idempotent redeem), inbox and batch.
 */
export function createFakeServer(overrides: Partial<FakeServerState> = {}) {
  const state: FakeServerState = {
    config: { ...defaultWidgetConfig('Acme'), theme: { mode: 'light', accent: DEFAULT_ACCENT } },
    surveys: [],
    running: [],
    loyalty: structuredClone(GOLD_VIEW),
    inbox: { threads: [] },
    readThrough: '',
    messages: [],
    charges: [],
    offline: false,
    failing: new Set(),
    rejecting: new Set(),
    refusingOrigin: false,
    requests: [],
    gate: undefined,
    codes: {},
    ...overrides,
  };
  const redeemed = new Map<string, unknown>();

  const ok = (body: unknown): TransportResponse => ({ status: 200, headers: {}, body });
  const fail = (status: number, code: string, message: string): TransportResponse => ({
    status,
    headers: {},
    body: { error: { code, message } },
  });

  async function handle(request: TransportRequest): Promise<TransportResponse> {
    const url = new URL(request.path, 'http://rapport.test');
    state.requests.push(`${request.method} ${url.pathname}`);
    if (state.offline) throw new TypeError('Failed to fetch');
    if (state.failing.has(url.pathname)) return fail(500, 'internal', 'Server fault');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const personal = () => url.searchParams.get('userHash') || body.userHash;
    switch (`${request.method} ${url.pathname}`) {
      case 'GET /v1/config':
        return ok(state.config);
      case 'GET /v1/surveys/eligible':
        return ok({ surveys: state.surveys });
      case 'GET /v1/loyalty':
        return personal() ? ok(state.loyalty) : fail(401, 'unauthorized', 'userHash required');
      case 'GET /v1/inbox':
        // A user with a hash, or an anonymous visitor with the device secret header.
        return personal() || request.headers?.['x-rapport-device-secret']
          ? ok(state.inbox)
          : fail(401, 'unauthorized', 'userHash or device secret required');
      case 'GET /v1/inbox/unread':
        return ok({ unread: unreadOf(state) });
      case 'POST /v1/inbox/read':
        state.readThrough = String(body.through);
        return ok({ unread: unreadOf(state) });
      case 'POST /v1/loyalty/redeem':
        await state.gate;
        return redeem(body);
      case 'POST /v1/batch':
        await state.gate;
        if (state.refusingOrigin) {
          return fail(403, 'origin_not_allowed', 'Origin https://shop.test is not allowed.');
        }
        return batch(body.messages as Message[]);
      default:
        return surveyById(request.method, url.pathname);
    }
  }

  function surveyById(method: string, path: string): TransportResponse {
    const id = method === 'GET' ? /^\/v1\/surveys\/([^/]+)$/.exec(path)?.[1] : undefined;
    const survey = [...state.surveys, ...state.running].find(
      (s) => id !== undefined && s.id === decodeURIComponent(id),
    );
    if (survey) return ok(survey);
    return fail(404, 'not_found', id ? `No running survey with id ${id}.` : `No route ${path}`);
  }

  function redeem(body: Record<string, unknown>): TransportResponse {
    const id = String(body.id);
    const previous = redeemed.get(id);
    if (previous) return ok({ ...(previous as object), duplicate: true });
    const reward = state.loyalty.rewards.find((r) => r.id === body.rewardId);
    if (!reward) return fail(404, 'not_found', 'No such reward');
    if (state.loyalty.balance < reward.cost)
      return fail(409, 'insufficient_points', 'Not enough points');
    const code = reward.usesCodes ? state.codes[reward.id]?.shift() : undefined;
    if (reward.usesCodes && !code)
      return fail(409, 'out_of_stock', `“${reward.name}” is out of stock.`);
    state.loyalty.balance -= reward.cost;
    state.charges.push(id);
    const result = {
      id,
      rewardId: reward.id,
      cost: reward.cost,
      balance: state.loyalty.balance,
      duplicate: false,
      ...(code && { code }),
    };
    state.loyalty.activity.unshift({
      id: `redemption:${id}`,
      points: -reward.cost,
      reason: `Redeemed: ${reward.name}`,
      createdAt: '2026-11-21T10:00:00Z',
      ...(code && { code }),
    });
    redeemed.set(id, result);
    return ok(result);
  }

  function batch(messages: Message[]): TransportResponse {
    let accepted = 0;
    let duplicates = 0;
    const rejected: { id: string; code: string; message: string }[] = [];
    for (const message of messages) {
      if (state.rejecting.has(message.type)) {
        rejected.push({ id: message.id, code: 'invalid_body', message: 'Rejected by the server' });
      } else if (state.messages.some((m) => m.id === message.id)) duplicates++;
      else {
        state.messages.push(message);
        accepted++;
      }
    }
    return ok({ accepted, duplicates, rejected });
  }

  return { state, handle };
}

export type FakeServer = ReturnType<typeof createFakeServer>;

/** The team's replies in the inbox written after the customer's read mark. */
function unreadOf(state: FakeServerState): number {
  const replies = state.inbox.threads.flatMap((thread) => thread.replies);
  return replies.filter((reply) => reply.author === 'team' && reply.createdAt > state.readThrough)
    .length;
}
