import type {
  FeedbackContext,
  FeedbackMessage,
  IdentifyMessage,
  Message,
  PageMessage,
  ReplyMessage,
  ResolutionRatingMessage,
  SurveyResponseMessage,
  TrackMessage,
} from '@rapport/protocol';
import {
  FEEDBACK_CATEGORIES,
  MAX_EVENT_NAME_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_LOCALE_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_USER_AGENT_LENGTH,
  MAX_VIEWPORT_PIXELS,
} from '@rapport/protocol';
import { createId } from './create-id';
import { invalidArgument } from './errors';
import { collectFeedbackContext } from './feedback-context';
import { MAX_MESSAGE_BYTES } from './outbox/batches';
import { jsonByteLength } from './outbox/byte-length';
import type { FeedbackInput, ResolutionAnswer, SurveyAnswer } from './types';
import {
  checkEmail,
  checkId,
  checkInteger,
  checkOptionalString,
  checkRecord,
  checkText,
  checkUrl,
  checkUserHash,
  checkUserId,
  isPlainObject,
} from './validate/checks';

/** Who a message is from. */
export interface Sender {
  anonymousId: string;
  /** The browser's device secret, sent with every write (server README, "Device secret"). */
  deviceSecret?: string | undefined;
  userId: string | undefined;
  /**
   * The proof of `userId` from the last identify. Sent on every message, because the server
   * files a `userId` without a valid hash as anonymous (server README, "Identity").
   */
  userHash?: string | undefined;
}

type Envelope = Pick<
  Message,
  'id' | 'timestamp' | 'anonymousId' | 'userId' | 'userHash' | 'deviceSecret'
>;

function envelope(sender: Sender): Envelope {
  const base: Envelope = {
    id: createId(),
    timestamp: new Date().toISOString(),
    anonymousId: sender.anonymousId,
  };
  if (sender.deviceSecret !== undefined) base.deviceSecret = sender.deviceSecret;
  if (sender.userId !== undefined) {
    base.userId = sender.userId;
    if (sender.userHash !== undefined) base.userHash = sender.userHash;
  }
  return base;
}

/** Refuses a message too large to ever fit in a batch, instead of blocking the queue with it. */
function sized<M extends Message>(message: M): M {
  if (jsonByteLength(message) > MAX_MESSAGE_BYTES) {
    throw invalidArgument(`The message is larger than ${MAX_MESSAGE_BYTES} bytes`);
  }
  return message;
}

/** Drops `undefined` fields so stored messages stay small and round-trip exactly. */
function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

/**
 * The checks each message type's own fields must pass, whoever set them: the builders below,
 * or a `beforeSend` hook that changed the message. Each throws `invalid_argument`.
 */
const FIELD_CHECKS: { [T in Message['type']]: (message: Extract<Message, { type: T }>) => void } = {
  identify(message) {
    checkUserId(message.userId);
    checkRecord(message.traits, 'traits');
    checkUserHash(message.userHash);
  },
  track(message) {
    checkText(message.event, 'event name', MAX_EVENT_NAME_LENGTH);
    checkRecord(message.properties, 'properties');
  },
  page({ url, title, referrer }) {
    checkUrl(url, 'url');
    checkOptionalString(title, 'title', MAX_LABEL_LENGTH);
    if (referrer !== undefined && referrer !== '') checkUrl(referrer, 'referrer');
  },
  feedback({ message, category, email, rating, context }) {
    checkText(message, 'message', MAX_TEXT_LENGTH);
    if (category !== undefined && !FEEDBACK_CATEGORIES.includes(category)) {
      throw invalidArgument(`category must be one of ${FEEDBACK_CATEGORIES.join(', ')}`);
    }
    checkEmail(email);
    checkInteger(rating, 'rating', 1, 5);
    if (context !== undefined) checkContext(context);
  },
  survey_response({ surveyId, responseId, score, comment, answers }) {
    checkId(surveyId, 'surveyId');
    if (responseId !== undefined) checkId(responseId, 'responseId');
    checkInteger(score, 'score', 0, 10);
    checkOptionalString(comment, 'comment', MAX_TEXT_LENGTH);
    checkRecord(answers, 'answers');
    for (const value of Object.values(answers ?? {})) {
      if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string') {
        throw invalidArgument('answers values must be strings or numbers');
      }
      checkOptionalString(typeof value === 'string' ? value : '', 'an answer', MAX_TEXT_LENGTH);
    }
  },
  reply({ threadId, body }) {
    checkId(threadId, 'threadId');
    checkText(body, 'body', MAX_TEXT_LENGTH);
  },
  resolution_rating({ threadId, resolvedAt, score, comment }) {
    checkId(threadId, 'threadId');
    // The server checks it is the thread's resolution time; here only that it is there.
    checkText(resolvedAt, 'resolvedAt', 40);
    checkInteger(score, 'score', 1, 5);
    checkOptionalString(comment, 'comment', MAX_TEXT_LENGTH);
  },
};

/**
 * Checks `message`'s fields for its type, drops its `undefined` fields and refuses it when
 * it could never fit in a batch. Every message the outbox stores has passed through here.
 */
export function checkMessage<M extends Message>(message: M): M {
  (FIELD_CHECKS[message.type] as (message: M) => void)(message);
  return sized(compact(message));
}

/** Checks `identify()`'s arguments and builds its message; throws `invalid_argument`. */
export function buildIdentify(
  sender: Sender,
  userId: unknown,
  traits: unknown,
  userHash: unknown,
): IdentifyMessage {
  return checkMessage({
    ...envelope(sender),
    type: 'identify',
    userId: userId as string,
    traits: traits as IdentifyMessage['traits'],
    // The same user identified again without a hash keeps the proof it already has.
    userHash: (userHash ?? (userId === sender.userId ? sender.userHash : undefined)) as
      | string
      | undefined,
  });
}

/** Checks `track()`'s arguments and builds its message; throws `invalid_argument`. */
export function buildTrack(sender: Sender, event: unknown, properties: unknown): TrackMessage {
  return checkMessage({
    ...envelope(sender),
    type: 'track',
    event: event as string,
    properties: properties as TrackMessage['properties'],
  });
}

/** Builds a `page` message, filling url, title and referrer from the page when omitted. */
export function buildPage(sender: Sender, input: unknown): PageMessage {
  if (input !== undefined && !isPlainObject(input)) {
    throw invalidArgument('page() takes an object: { url?, title?, referrer? }');
  }
  const doc = (globalThis as { document?: { title?: string; referrer?: string } }).document;
  const href = (globalThis as { location?: { href?: string } }).location?.href;
  const url = input?.url ?? href;
  if (url === undefined) throw invalidArgument('page() needs { url } outside a browser');
  const title = input?.title ?? doc?.title;
  const message = checkMessage({
    ...envelope(sender),
    type: 'page',
    url: url as string,
    title: title as string | undefined,
    referrer: (input?.referrer ?? doc?.referrer) as string | undefined,
  });
  // An empty document title is no title.
  if (message.title === '') delete message.title;
  return message;
}

/** Checks feedback input and builds its message, with the page context when none is given. */
export function buildFeedback(sender: Sender, input: unknown): FeedbackMessage {
  if (!isPlainObject(input)) throw invalidArgument('feedback() takes an object: { message, … }');
  const { message, category, email, rating, context } = input as Partial<FeedbackInput>;
  return checkMessage({
    ...envelope(sender),
    type: 'feedback',
    message: message as string,
    category,
    email,
    rating,
    context: context ?? collectFeedbackContext(),
  });
}

function checkContext(context: unknown): void {
  if (!isPlainObject(context)) throw invalidArgument('context must be an object');
  const { url, userAgent, viewport, locale } = context as Partial<FeedbackContext>;
  checkUrl(url, 'context.url');
  checkOptionalString(userAgent ?? '', 'context.userAgent', MAX_USER_AGENT_LENGTH);
  checkOptionalString(locale ?? '', 'context.locale', MAX_LOCALE_LENGTH);
  if (!isPlainObject(viewport)) throw invalidArgument('context.viewport must be { width, height }');
  checkInteger(viewport.width, 'context.viewport.width', 0, MAX_VIEWPORT_PIXELS);
  checkInteger(viewport.height, 'context.viewport.height', 0, MAX_VIEWPORT_PIXELS);
}

/** Checks a survey answer and builds its `survey_response` message. */
export function buildSurveyResponse(
  sender: Sender,
  surveyId: unknown,
  answer: unknown,
): SurveyResponseMessage {
  checkId(surveyId, 'surveyId');
  if (!isPlainObject(answer)) {
    throw invalidArgument('respond() takes { score?, comment?, answers?, responseId? }');
  }
  const { responseId, score, comment, answers } = answer as SurveyAnswer;
  return checkMessage({
    ...envelope(sender),
    type: 'survey_response',
    surveyId: surveyId as string,
    responseId,
    score,
    comment,
    answers,
  });
}

/** Checks `inbox.reply()`'s arguments and builds its `reply` message; throws `invalid_argument`. */
export function buildReply(sender: Sender, threadId: unknown, body: unknown): ReplyMessage {
  return checkMessage({
    ...envelope(sender),
    type: 'reply',
    threadId: threadId as string,
    body: body as string,
  });
}

/**
 * Checks `inbox.rate()`'s arguments and builds its `resolution_rating` message (no `score`: the
 * customer dismissed the question); throws `invalid_argument`.
 */
export function buildResolutionRating(
  sender: Sender,
  threadId: unknown,
  answer: unknown,
): ResolutionRatingMessage {
  // Not an object: no `resolvedAt`, which the check refuses with invalid_argument.
  const { resolvedAt, score, comment } = (
    isPlainObject(answer) ? answer : {}
  ) as Partial<ResolutionAnswer>;
  return checkMessage({
    ...envelope(sender),
    type: 'resolution_rating',
    threadId: threadId as string,
    resolvedAt: resolvedAt as string,
    score,
    comment,
  });
}
