import {
  DEVICE_SECRET_HEADER,
  type EligibleSurvey,
  type InboxResponse,
  type LoyaltyView,
  MAX_URL_LENGTH,
  type RedeemResponse,
  type UnreadResponse,
  type WidgetConfig,
} from '@rapport/protocol';
import { RapportError } from './errors';
import type { Identity } from './identity';
import type { Lifecycle } from './lifecycle';
import type { Outbox } from './outbox/outbox';
import { pendingSurveyIds } from './pending-surveys';
import { request, withQuery } from './reads';
import { createRedeemer } from './redeem';
import type { Transport } from './transports/transport';
import type { RapportClient } from './types';
import { createUnreadCount } from './unread-count';
import { checkId } from './validate/checks';

/** The client's reads, and the redeem call that goes straight to the server like them. */
export interface Reader {
  config: RapportClient['config'];
  eligible: RapportClient['surveys']['eligible'];
  survey: RapportClient['surveys']['get'];
  loyalty: RapportClient['loyalty'];
  inbox: Pick<RapportClient['inbox'], 'get' | 'unread' | 'read'>;
  /** Forgets the ids kept to retry a redemption safely (the user is forgotten). */
  forget(): void;
}

/**
 * Creates the reader. Reads skip the outbox, because the caller is waiting for the answer, but
 * ask for consent like writes do; personal reads also need the user's proof (`userHash`).
 */
export function createReader(
  transport: Transport,
  headers: () => Record<string, string>,
  lifecycle: Pick<Lifecycle, 'allow'>,
  identity: Identity,
  outbox: Pick<Outbox, 'pending'>,
): Reader {
  const { allow } = lifecycle;
  const call = (
    req: { method: 'GET' | 'POST'; path: string; body?: unknown },
    extra?: Record<string, string>,
  ) => request(transport, { ...req, headers: { ...headers(), ...extra } });
  const personal = () => {
    allow();
    const { userId, userHash } = identity.current();
    if (userId === undefined || userHash === undefined) {
      throw new RapportError(
        'unauthorized',
        'Call identify(userId, traits, { userHash }) before reading personal data',
      );
    }
    return { userId, userHash };
  };
  /**
   * Whose threads the inbox reads: a verified user's, or this browser's, proven by the device
   * secret in a header (never the query string, which access logs keep).
   */
  const owner = () => {
    allow();
    const { anonymousId, deviceSecret, userId, userHash } = identity.current();
    return userId !== undefined && userHash !== undefined
      ? { query: { userId, userHash } }
      : { query: { anonymousId }, proof: { [DEVICE_SECRET_HEADER]: deviceSecret } };
  };
  const unreadCount = createUnreadCount(transport);
  const redeemer = createRedeemer(
    (body) => call({ method: 'POST', path: '/v1/loyalty/redeem', body }) as Promise<RedeemResponse>,
  );

  return {
    async config() {
      // Even this public read waits for consent: any request tells the server the visitor's
      // address, which a site asking for consent first must not do before it is given.
      allow();
      return (await call({ method: 'GET', path: '/v1/config' })) as WidgetConfig;
    },
    async eligible() {
      allow();
      // The proof goes along so the server may apply surveys targeted by verified traits.
      const { anonymousId, userId, userHash } = identity.current();
      // Taken before asking: an answer acknowledged while the request is in flight may have
      // reached the server after it chose what to offer.
      const answered = pendingSurveyIds(outbox.pending());
      // The server reads at most 2,048 characters of it; a longer URL would fail the request.
      const url = (globalThis as { location?: { href?: string } }).location?.href?.slice(
        0,
        MAX_URL_LENGTH,
      );
      const path = withQuery('/v1/surveys/eligible', { anonymousId, userId, userHash, url });
      const body = (await call({ method: 'GET', path })) as { surveys?: EligibleSurvey[] };
      for (const id of pendingSurveyIds(outbox.pending())) answered.add(id);
      return (body?.surveys ?? []).filter((survey) => !answered.has(survey.id));
    },
    async survey(surveyId) {
      allow();
      const path = `/v1/surveys/${encodeURIComponent(checkId(surveyId, 'surveyId'))}`;
      return (await call({ method: 'GET', path })) as EligibleSurvey;
    },
    loyalty: {
      async get() {
        const path = withQuery('/v1/loyalty', personal());
        return (await call({ method: 'GET', path })) as LoyaltyView;
      },
      async redeem(rewardId) {
        const who = personal();
        return redeemer.redeem({ ...who, rewardId: checkId(rewardId, 'rewardId') });
      },
    },
    inbox: {
      async get() {
        const { query, proof } = owner();
        return (await call(
          { method: 'GET', path: withQuery('/v1/inbox', query) },
          proof,
        )) as InboxResponse;
      },
      // async: a refusal (consent, destroyed) is a rejected promise, never a throw.
      async unread() {
        const { query, proof } = owner();
        const path = withQuery('/v1/inbox/unread', query);
        return unreadCount({ method: 'GET', path, headers: { ...headers(), ...proof } });
      },
      async read(through) {
        const { query, proof } = owner();
        const body = { ...query, through };
        return (
          (await call({ method: 'POST', path: '/v1/inbox/read', body }, proof)) as UnreadResponse
        ).unread;
      },
    },
    forget: redeemer.forget,
  };
}
