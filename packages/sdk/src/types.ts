import type {
  BatchResponse,
  EligibleSurvey,
  ErrorCode,
  FeedbackCategory,
  FeedbackContext,
  InboxResponse,
  LoyaltyView,
  Message,
  RedeemResponse,
  WidgetConfig,
} from '@rapport/protocol';

/** One HTTP-shaped request the SDK asks a transport to carry. */
export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Path and query relative to the endpoint, e.g. `/v1/batch` or `/v1/loyalty?userId=…`. */
  path: string;
  /** JSON-serialisable body for POST. */
  body?: unknown;
  /** Extra headers (the SDK adds `Authorization` itself). */
  headers?: Record<string, string>;
  /** Aborts the request (timeouts, `destroy()`). */
  signal?: AbortSignal;
}

/** What a transport hands back. A transport throws only for network failures. */
export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  /**
   * The body parsed from JSON, `undefined` when empty. Anything else (text, an HTML page) on a
   * 2xx is not an answer from Rapport: a batch is retried and a read rejects.
   */
  body: unknown;
}

/**
 * The pluggable seam between the SDK and the network: send one request, get a response.
 * Throw (any error) on a network failure; return non-2xx statuses as responses.
 */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
}

/** A narrow key-value store the outbox and identity persist through (localStorage-shaped). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Consent state. With `'pending'` nothing is stored or sent until `optIn()`. */
export type ConsentState = 'granted' | 'pending' | 'denied';

/** Options for {@link createClient}. */
export interface ClientOptions {
  /** Publishable key (`pk_…`). */
  key: string;
  /** Base URL of the Rapport server. @default 'http://localhost:8787' */
  endpoint?: string;
  /** How requests travel. @default httpTransport({ endpoint, key }) */
  transport?: Transport;
  /** Where the outbox and identity persist. @default localStorage, falling back to memory */
  storage?: KeyValueStorage;
  /**
   * Initial consent. A choice made earlier with `optIn()`/`optOut()` and kept in storage wins.
   * @default 'granted'
   */
  consent?: ConsentState;
  /**
   * How pending messages leave on `pagehide`, when an ordinary request may be cancelled.
   * @default beaconTransport({ endpoint, key }) when `transport` is not given, else `transport`
   */
  beacon?: Transport;
  /** Bounds and retry timing of the outbox. */
  outbox?: OutboxOptions;
}

/** Bounds and retry timing of the outbox (see the SDK README, "Outbox"). */
export interface OutboxOptions {
  /** Most messages kept; past it the oldest are dropped with a `dropped` event. @default 500 */
  maxMessages?: number;
  /** Most bytes (UTF-8 JSON) kept; past it the oldest are dropped. @default 1_048_576 (1 MiB) */
  maxBytes?: number;
  /** First retry waits up to this long (full jitter), doubling each attempt. @default 1000 */
  retryBaseMs?: number;
  /** Longest wait between retries, before jitter. @default 60_000 */
  retryCapMs?: number;
}

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
  score?: number;
  comment?: string;
  answers?: Record<string, string | number>;
}

/** Options for `identify()`. */
export interface IdentifyOptions {
  /** HMAC-SHA256(identity secret, userId) in hex, computed by the site owner's server. */
  userHash?: string;
}

/** Result of a write: the message is either acknowledged by the server or still in the outbox. */
export interface WriteReceipt {
  id: string;
  status: 'sent' | 'queued';
}

/** Every event a client emits, with its payload. */
export interface ClientEvents {
  /** A message was acknowledged by the server. */
  sent: { message: Message };
  /** A message is stored and waiting for the network. */
  queued: { message: Message };
  /** The outbox was full; the oldest messages were dropped. */
  dropped: { messages: Message[]; reason: 'count' | 'bytes' };
  /** Something went wrong that the host page should know about; never thrown. */
  error: { error: RapportErrorLike; message?: Message };
  identify: { userId: string; traits?: Record<string, unknown> };
  /** The user was forgotten: by `reset()`, or by `optOut()`, which also clears the outbox. */
  reset: Record<string, never>;
  consent: { state: ConsentState };
  online: Record<string, never>;
  offline: Record<string, never>;
  // Events emitted by the widget through the same client.
  'survey:shown': { surveyId: string };
  'survey:dismissed': { surveyId: string };
  'survey:answered': { surveyId: string; score?: number };
}

/** The name of any client event. */
export type ClientEventName = keyof ClientEvents;

/** Shape of RapportError, for event payloads. */
export interface RapportErrorLike {
  name: 'RapportError';
  code: ErrorCode;
  message: string;
  status?: number;
}

/** The Rapport client returned by {@link createClient}. */
export interface RapportClient {
  readonly key: string;
  readonly anonymousId: string;
  readonly userId: string | undefined;
  readonly consent: ConsentState;
  identify(
    userId: string,
    traits?: Record<string, unknown>,
    options?: IdentifyOptions,
  ): Promise<WriteReceipt>;
  track(event: string, properties?: Record<string, unknown>): Promise<WriteReceipt>;
  page(properties?: { url?: string; title?: string; referrer?: string }): Promise<WriteReceipt>;
  feedback(input: FeedbackInput): Promise<WriteReceipt>;
  config(): Promise<WidgetConfig>;
  surveys: {
    eligible(): Promise<EligibleSurvey[]>;
    respond(surveyId: string, answer: SurveyAnswer): Promise<WriteReceipt>;
    /**
     * Record that the visitor closed a survey without answering. Sent as a `track`
     * message with event `$survey_dismissed` and `{ surveyId }`; the server counts it
     * for the survey's recontact period and the project's global wait.
     */
    dismiss(surveyId: string): Promise<WriteReceipt>;
  };
  loyalty: {
    get(): Promise<LoyaltyView>;
    redeem(rewardId: string): Promise<RedeemResponse>;
  };
  inbox: {
    get(): Promise<InboxResponse>;
  };
  on<E extends ClientEventName>(event: E, listener: (payload: ClientEvents[E]) => void): () => void;
  /** Emit an event to listeners (used by the widget for `survey:*`). */
  emit<E extends ClientEventName>(event: E, payload: ClientEvents[E]): void;
  /** Send everything waiting in the outbox now. */
  flush(): Promise<BatchResponse | undefined>;
  /** Forget the user: new anonymous id, identity cleared. */
  reset(): void;
  optIn(): void;
  optOut(): void;
  destroy(): void;
}
