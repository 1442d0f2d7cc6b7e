/**
 * Limits shared by the SDK (which refuses to enqueue what the server would reject)
 * and the server (which enforces them). See shared DESIGN.md, "Limits and security".
 */

/** Wire protocol version, sent by the SDK and echoed by `/health`. */
export const PROTOCOL_VERSION = 1;

/** Largest request body the server reads, in bytes (64 KiB). Larger bodies get 413. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Most messages in one `POST /v1/batch`. */
export const MAX_BATCH_MESSAGES = 100;

/** Longest free text (feedback message, survey comment, reply body), in characters. */
export const MAX_TEXT_LENGTH = 5000;

/** Longest id (message id, anonymous id, user id, survey id, reward id). */
export const MAX_ID_LENGTH = 128;

/** Longest event name for `track`. */
export const MAX_EVENT_NAME_LENGTH = 200;

/** Longest URL accepted in `page` and feedback context. */
export const MAX_URL_LENGTH = 2048;

/** Longest short label (page title, reward name, tier name, survey name, question). */
export const MAX_LABEL_LENGTH = 500;

/** Most keys in `traits`, `properties` or `answers`. */
export const MAX_OBJECT_KEYS = 50;

/** Longest key in `traits`, `properties` or `answers`, in characters. */
export const MAX_OBJECT_KEY_LENGTH = 200;

/** How long the server remembers a message id for deduplication, in days (at least 7). */
export const IDEMPOTENCY_WINDOW_DAYS = 7;

/** Longest page of an admin list. */
export const MAX_PAGE_SIZE = 100;

/** Longest tag, in characters. */
export const MAX_TAG_LENGTH = 40;
/** Most tags on one feedback item. */
export const MAX_TAGS = 20;
/** Longest inbox search, in characters. */
export const MAX_SEARCH_LENGTH = 200;

/** Longest user-agent string in feedback context. */
export const MAX_USER_AGENT_LENGTH = 1000;

/** Longest locale tag in feedback context (BCP 47 tags fit in 35 characters). */
export const MAX_LOCALE_LENGTH = 35;

/** Largest viewport width or height in feedback context, in CSS pixels. */
export const MAX_VIEWPORT_PIXELS = 100_000;

/**
 * Bounds of a survey's targeting and recontact period: `targetingSchema` and
 * `surveyInputSchema` enforce them, the console's survey form names them before the round trip.
 */
export const TARGETING_LIMITS = {
  /** Longest `targeting.urlContains`, in characters. */
  urlContains: 500,
  /** Longest wait on the page before a survey shows, in seconds. */
  delaySeconds: 3600,
  /** Longest recontact period, in days. */
  recontactDays: 3650,
} as const;
