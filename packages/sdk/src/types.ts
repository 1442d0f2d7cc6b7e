import type {
  BatchResponse,
  EligibleSurvey,
  FeedbackCategory,
  FeedbackContext,
  InboxResponse,
  LoyaltyView,
  RedeemResponse,
  WidgetConfig,
} from '@rapport/protocol';
import type { ClientEventName, ClientEvents } from './client-events';
import type { ConsentState } from './client-options';

/** What `feedback()` takes; see the README for limits. */
export interface FeedbackInput {
  message: string;
  category?: FeedbackCategory;
  email?: string;
  rating?: number;
  /** Filled automatically from the page when omitted. */
  context?: FeedbackContext;
}

/** An answer to a survey: the score (0–10 NPS, 1–5 CSAT), a comment, or named answers. */
export interface SurveyAnswer {
  /**
   * Names the response, so an answer can be sent in steps: every `respond()` with the same
   * `responseId` updates that one response (the newest message wins for the fields it
   * carries) instead of adding another. Omit it for a one-shot answer.
   * @example const responseId = crypto.randomUUID();
   */
  responseId?: string;
  score?: number;
  comment?: string;
  answers?: Record<string, string | number>;
}

/** The customer's answer to "Did we solve this?" for one resolution of a thread. */
export interface ResolutionAnswer {
  /** The thread's `resolution.resolvedAt` from `inbox.get()`: the resolution answered. */
  resolvedAt: string;
  /** 1–5. Omit it (and `comment`) when the customer dismissed the question. */
  score?: number;
  /** Optional, up to 5,000 characters. */
  comment?: string;
}

/** Options for `identify()`. */
export interface IdentifyOptions {
  /** HMAC-SHA256(identity secret, userId) in hex, computed by the site owner's server. */
  userHash?: string;
}

/**
 * Result of a write: the message was acknowledged by the server (`sent`), is stored in the
 * outbox and will be sent later (`queued`), or was dropped by `beforeSend` and neither
 * stored nor sent (`dropped`).
 */
export interface WriteReceipt {
  id: string;
  status: 'sent' | 'queued' | 'dropped';
}

/**
 * The Rapport client returned by {@link createClient}. No method throws synchronously:
 * writes and reads return promises that reject with a `RapportError`, and background
 * failures arrive as `error` events.
 */
export interface RapportClient {
  /** The publishable key this client was created with. */
  readonly key: string;
  /** The visitor's random id, kept in storage while consent is granted (memory otherwise). */
  readonly anonymousId: string;
  /** The id given to the last `identify()`, until `reset()` or `optOut()`. */
  readonly userId: string | undefined;
  /** The current consent state: the stored choice, else the `consent` option. */
  readonly consent: ConsentState;
  /**
   * Tell Rapport who the visitor is. Persists `userId` (and `userHash`) so a reload keeps
   * them, links the anonymous id to the user, and sends the hash on every later write.
   * Without a valid `userHash` the server files the visitor's writes as anonymous and refuses
   * loyalty and inbox reads.
   * @param userId The site's own id for the user: 1–128 characters.
   * @param traits A flat JSON object (≤ 50 keys) stored on the customer.
   * @param options `userHash`: hex HMAC-SHA256(identity secret, userId) from your server.
   * @returns The receipt of the `identify` message; rejects with `invalid_argument`,
   * `consent_required` or `destroyed` (nothing is then stored).
   * @example await client.identify('user-42', { plan: 'pro' }, { userHash: hashFromServer });
   */
  identify(
    userId: string,
    traits?: Record<string, unknown>,
    options?: IdentifyOptions,
  ): Promise<WriteReceipt>;
  /**
   * Record an event; survey targeting can react to it.
   * @param event Name of the event, 1–200 characters.
   * @param properties A flat JSON object, ≤ 50 keys.
   * @returns The receipt of the `track` message; rejects like `identify()`.
   * @example await client.track('Checkout completed', { total: 42 });
   */
  track(event: string, properties?: Record<string, unknown>): Promise<WriteReceipt>;
  /**
   * Record a page view. Each field defaults to the page's own (`location.href`,
   * `document.title`, `document.referrer`); outside a browser `url` is required.
   * @returns The receipt of the `page` message; rejects like `identify()`.
   * @example await client.page({ url: 'https://shop.example/cart', title: 'Cart' });
   */
  page(properties?: { url?: string; title?: string; referrer?: string }): Promise<WriteReceipt>;
  /**
   * Send the visitor's feedback. `message` 1–5,000 characters, `category` one of
   * `bug idea praise question other`, `rating` 1–5; `context` (URL, user agent, viewport,
   * locale) is filled from the page when omitted.
   * @returns The receipt of the `feedback` message: show "sent" or "saved, will be sent"
   * from its `status`; rejects like `identify()`.
   * @example
   * const receipt = await client.feedback({ message: 'Love the new checkout!', category: 'praise' });
   * if (receipt.status === 'queued') showToast('Saved — it will be sent when you are back online');
   */
  feedback(input: FeedbackInput): Promise<WriteReceipt>;
  /**
   * Read the widget's settings the site owner chose in the console (theme, texts, panels).
   * @returns The config; rejects with `consent_required` until consent is granted (no request
   * leaves before), `destroyed`, or the server's error.
   */
  config(): Promise<WidgetConfig>;
  surveys: {
    /**
     * Ask the server which surveys to show now (targeting, sampling and recontact rules are
     * applied there). Surveys answered or dismissed in the outbox but not yet delivered are
     * left out.
     * @returns The surveys to show, possibly none; rejects with `consent_required` or
     * `destroyed` without a request.
     */
    eligible(): Promise<EligibleSurvey[]>;
    /**
     * Read one running survey by id, whatever its targeting says: for a site that shows a
     * survey on demand (the widget's `open('survey', id)`).
     * @returns The survey; rejects with `not_found` when no running survey has this id.
     * @example const survey = await client.surveys.get('nps-q4');
     */
    get(surveyId: string): Promise<EligibleSurvey>;
    /**
     * Answer a survey.
     * @param surveyId The `id` of a survey from {@link RapportClient.surveys.eligible}.
     * @param answer `score` 0–10 (NPS) or 1–5 (CSAT), a `comment`, or named `answers`.
     * @returns The receipt of the `survey_response` message; rejects like `identify()`.
     * @example await client.surveys.respond('nps-q4', { score: 9, comment: 'Fast delivery' });
     */
    respond(surveyId: string, answer: SurveyAnswer): Promise<WriteReceipt>;
    /**
     * Record that the visitor closed a survey without answering. Sent as a `track`
     * message with event `$survey_dismissed` and `{ surveyId }`; the server counts it
     * for the survey's recontact period and the project's global wait.
     * @returns The receipt of the `track` message; rejects like `identify()`.
     */
    dismiss(surveyId: string): Promise<WriteReceipt>;
  };
  loyalty: {
    /**
     * Read the identified customer's loyalty account: balance, tier, progress, rewards,
     * ways to earn, recent activity and referral code.
     * @returns The account; rejects with `unauthorized` before `identify()` with a `userHash`,
     * `consent_required` or `destroyed` (all without a request), or the server's error.
     */
    get(): Promise<LoyaltyView>;
    /**
     * Spend points on a reward. Idempotent: a retry of the same redemption (a double click,
     * a lost answer) charges once.
     * @param rewardId The `id` of one of the account's rewards.
     * @returns The redemption with the new balance; rejects like `loyalty.get()`, or with
     * `insufficient_points`.
     * @example const { balance } = await client.loyalty.redeem('free-coffee');
     */
    redeem(rewardId: string): Promise<RedeemResponse>;
  };
  inbox: {
    /**
     * Read the customer's feedback threads with the team's replies and their own answers: the
     * verified user's (after `identify()` with a `userHash`), otherwise this browser's own,
     * proven by its device secret — an anonymous visitor sees the feedback they sent here.
     * @returns The threads; rejects with `consent_required` or `destroyed` without a request,
     * or the server's error (`unauthorized` when the proof does not match).
     */
    get(): Promise<InboxResponse>;
    /**
     * How many of the team's replies the customer has not read yet, under the same proof as
     * {@link RapportClient.inbox.get}. A conditional request: while the count is unchanged the
     * server answers `304` with no body. Emits `unread`.
     * @returns The count; rejects like {@link RapportClient.inbox.get}.
     * @example client.on('unread', ({ count }) => badge.textContent = String(count)); await client.inbox.unread();
     */
    unread(): Promise<number>;
    /**
     * Mark the customer's replies read up to `through`: the `createdAt` of the newest reply
     * shown to them, so one written since stays unread. Emits `unread` with the new count.
     * @param through An ISO 8601 timestamp, e.g. a reply's `createdAt`.
     * @returns The count left unread; rejects like {@link RapportClient.inbox.get}.
     * @example await client.inbox.read(thread.replies.at(-1).createdAt);
     */
    read(through: string): Promise<number>;
    /**
     * Answer one of the customer's threads. Goes through the outbox like `feedback()`: kept
     * offline, delivered exactly once. The server accepts it only from the thread's owner
     * (the verified user, or this browser's device secret) and marks the thread as waiting on
     * the team. Line breaks are kept; the text is shown as text, never HTML.
     * @param threadId The `id` of a thread from {@link RapportClient.inbox.get}.
     * @param body 1–5,000 characters.
     * @returns The receipt of the `reply` message; rejects like `identify()`.
     * @example await client.inbox.reply(thread.id, 'Thanks, that fixed it!');
     */
    reply(threadId: string, body: string): Promise<WriteReceipt>;
    /**
     * Answer "Did we solve this?" in a thread the team resolved (`thread.resolution`), or
     * dismiss it (no `score`). Goes through the outbox like `reply()`. The server keeps one
     * answer per resolution, only from the thread's owner and only while the thread is still
     * at that resolution; otherwise it refuses the message (`conflict`, `not_found`).
     * @example await client.inbox.rate(thread.id, { resolvedAt: thread.resolution.resolvedAt, score: 5 });
     */
    rate(threadId: string, answer: ResolutionAnswer): Promise<WriteReceipt>;
  };
  /**
   * Listen to an event (see {@link ClientEvents}). A listener that throws is skipped and
   * never breaks delivery or the other listeners.
   * @returns A function that stops listening.
   * @example
   * const off = client.on('error', ({ error }) => console.warn(error.code, error.message));
   * off();
   */
  on<E extends ClientEventName>(event: E, listener: (payload: ClientEvents[E]) => void): () => void;
  /**
   * Emit an event to the listeners. Used by the widget for its own events (`survey:*`,
   * `open`, `close`); a page rarely needs it.
   */
  emit<E extends ClientEventName>(event: E, payload: ClientEvents[E]): void;
  /**
   * Send everything waiting in the outbox now, respecting a server's `Retry-After`.
   * @returns The summed batch answers, or `undefined` when there was nothing to send, another
   * tab is sending, or consent is not granted.
   */
  flush(): Promise<BatchResponse | undefined>;
  /**
   * Forget the user (call it on sign-out): a new anonymous id and no `userId`, so the next
   * person on a shared computer starts fresh. Emits `reset`. Messages already in the outbox
   * are still sent.
   */
  reset(): void;
  /**
   * Record that the visitor consented: from now on identity persists and messages are
   * stored and sent, starting with any an earlier page left. The choice is stored and wins
   * over the `consent` option on the next load. Emits `consent`.
   */
  optIn(): void;
  /**
   * Record that the visitor refused: the outbox and the stored identity are erased, the user
   * is forgotten (`reset`), and nothing is stored or sent until `optIn()`. Only the choice
   * itself is stored, so the next load still knows it. Emits `consent`.
   */
  optOut(): void;
  /**
   * Stop the client: its timers and page listeners are removed and every listener is
   * dropped. Later calls reject with `destroyed`. Messages in the outbox stay in
   * storage for the next page.
   */
  destroy(): void;
}
