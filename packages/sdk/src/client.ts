import { type Message, SURVEY_DISMISSED_EVENT } from '@rapport/protocol';
import { runBeforeSend } from './before-send';
import {
  buildFeedback,
  buildIdentify,
  buildPage,
  buildReply,
  buildResolutionRating,
  buildSurveyResponse,
  buildTrack,
  type Sender,
} from './build-messages';
import type { ClientOptions } from './client-options';
import { createEmitter } from './emitter';
import { createIdentity } from './identity';
import { createLifecycle } from './lifecycle';
import { createOutbox } from './outbox/outbox';
import { resolveOutboxOptions } from './outbox/resolve-options';
import { watchPage } from './page-lifecycle';
import { createReader } from './reader';
import { resilientStore } from './storage/local-storage-store';
import { beaconTransport } from './transports/beacon';
import { fetchTransport } from './transports/fetch';
import { DEFAULT_ENDPOINT } from './transports/read-response';
import type { Transport } from './transports/transport';
import type { RapportClient, WriteReceipt } from './types';
import { checkId } from './validate/checks';

/**
 * Creates a Rapport client. Writes (`identify`, `track`, `page`, `feedback`, survey answers)
 * are stored in a durable outbox before they are sent; reads go straight to the server. No
 * method throws synchronously: failures are rejected promises or `error` events.
 *
 * @example
 * ```ts
 * const rapport = createClient({ key: 'pk_demo', endpoint: 'https://rapport.example.com' });
 * const receipt = await rapport.feedback({ message: 'Love the new checkout!', category: 'praise' });
 * ```
 */
export const createClient: (options: ClientOptions) => RapportClient =
  /* @__PURE__ */ createClientWith(fetchTransport);

/**
 * Makes a `createClient` whose default transport (used when `options.transport` is not given)
 * is `defaultTransport({ endpoint })` instead of {@link fetchTransport}: for example ky through
 * {@link httpTransport}, for an app that already bundles ky.
 *
 * @example
 * ```ts
 * const createClient = createClientWith(httpTransport);
 * const rapport = createClient({ key: 'pk_demo', endpoint: 'https://rapport.example.com' });
 * ```
 */
export function createClientWith(
  defaultTransport: (options: { endpoint: string }) => Transport,
): (options: ClientOptions) => RapportClient {
  return (options) => createClientUsing(options, defaultTransport);
}

/**
 * Puts a client together from its parts — the lifecycle (consent, destroyed), the identity,
 * the outbox and the reader — and maps the public methods onto them; what it keeps itself is
 * the write path (build, `beforeSend`, outbox) and the page's events.
 */
function createClientUsing(
  options: ClientOptions,
  defaultTransport: (options: { endpoint: string }) => Transport,
): RapportClient {
  const key = String(options?.key ?? '');
  const endpoint = options?.endpoint ?? DEFAULT_ENDPOINT;
  const transport = options?.transport ?? defaultTransport({ endpoint });
  const beacon =
    options?.beacon ?? (options?.transport ? transport : beaconTransport({ endpoint, key }));
  const storage = resilientStore(options?.storage ?? globalLocalStorage());
  const prefix = `rapport:${key}:`;
  const headers = () => ({ authorization: `Bearer ${key}` });
  const emitter = createEmitter();

  const lifecycle = createLifecycle(storage, `${prefix}consent`, options?.consent, emitter);
  const { allow } = lifecycle;
  const identity = createIdentity(storage, `${prefix}identity`, lifecycle.consent() === 'granted');
  const outbox = createOutbox({
    storage,
    prefix,
    transport,
    beacon,
    headers,
    emitter,
    refusal: lifecycle.refusal,
    ...resolveOutboxOptions(options?.outbox),
  });
  const reader = createReader(transport, headers, lifecycle, identity, outbox);
  /** Tells the listeners (the launcher's badge) each unread count the server answers. */
  const told = async (answer: Promise<number>) => {
    const count = await answer;
    emitter.emit('unread', { count });
    return count;
  };

  const write = async (build: (from: Sender) => Message): Promise<WriteReceipt> => {
    allow();
    const built = build(identity.current() as Sender);
    const message = runBeforeSend(options?.beforeSend, built, emitter);
    if (!message) return { id: built.id, status: 'dropped' };
    // This write's own flush also sends what an earlier page left: no separate startup flush.
    clearTimeout(startup);
    return outbox.deliver(message);
  };

  // The outbox asks the lifecycle itself, so these send nothing without consent.
  const stopWatching = watchPage({
    online() {
      emitter.emit('online', {});
      void outbox.retryNow();
    },
    offline() {
      emitter.emit('offline', {});
    },
    pagehide: outbox.drainWithBeacon,
  });
  // Messages left by an earlier page (or another tab) go out with their original ids — in the
  // next task, so that scanning storage for them never delays the page (or the widget's
  // launcher) that is creating the client right now.
  const startup = setTimeout(outbox.flush, 0);

  // The one way the user is forgotten, so every listener (the widget's guest view) hears it
  // whether the page called reset() or the visitor opted out.
  const forgetUser = () => {
    identity.reset();
    reader.forget();
    emitter.emit('reset', {});
  };

  return {
    key,
    get anonymousId() {
      return identity.current().anonymousId;
    },
    get userId() {
      return identity.current().userId;
    },
    get consent() {
      return lifecycle.consent();
    },
    identify: (userId, traits, identifyOptions) =>
      write((from) => {
        const message = buildIdentify(from, userId, traits, identifyOptions?.userHash);
        identity.identify(message.userId, message.userHash);
        emitter.emit('identify', traits === undefined ? { userId } : { userId, traits });
        return { ...message, anonymousId: identity.current().anonymousId };
      }),
    track: (event, properties) => write((from) => buildTrack(from, event, properties)),
    page: (properties) => write((from) => buildPage(from, properties)),
    feedback: (input) => write((from) => buildFeedback(from, input)),
    config: reader.config,
    surveys: {
      eligible: reader.eligible,
      get: reader.survey,
      respond: (surveyId, answer) => write((from) => buildSurveyResponse(from, surveyId, answer)),
      dismiss: (surveyId) =>
        write((from) =>
          buildTrack(from, SURVEY_DISMISSED_EVENT, { surveyId: checkId(surveyId, 'surveyId') }),
        ),
    },
    loyalty: reader.loyalty,
    inbox: {
      get: reader.inbox.get,
      unread: () => told(reader.inbox.unread()),
      read: (through) => told(reader.inbox.read(through)),
      reply: (threadId, body) => write((from) => buildReply(from, threadId, body)),
      rate: (threadId, answer) => write((from) => buildResolutionRating(from, threadId, answer)),
    },
    on: emitter.on,
    emit: emitter.emit,
    async flush() {
      return lifecycle.refusal() ? undefined : outbox.flush();
    },
    reset: forgetUser,
    optIn() {
      if (lifecycle.isDestroyed()) return;
      identity.persist(true);
      lifecycle.setConsent('granted');
      void outbox.flush();
    },
    optOut() {
      if (lifecycle.isDestroyed()) return;
      outbox.clear();
      identity.persist(false);
      forgetUser();
      lifecycle.setConsent('denied');
    },
    destroy() {
      if (!lifecycle.destroy()) return;
      clearTimeout(startup);
      stopWatching();
      outbox.stop();
      emitter.clear();
    },
  };
}

function globalLocalStorage() {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage;
  } catch {
    return undefined;
  }
}
