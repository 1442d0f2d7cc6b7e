import fc from 'fast-check';
import type { Message } from '../src/schemas/index';
import { FEEDBACK_CATEGORIES, MAX_TEXT_LENGTH } from '../src/schemas/index';

const idChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:@-'.split('');

/** A valid opaque id. */
export const id = fc
  .string({ unit: fc.constantFrom(...idChars), minLength: 1, maxLength: 128 })
  // `.` and `..` are dot segments, which URLs drop: not ids (ids-survive-as-path-segments).
  .filter((value) => value !== '.' && value !== '..');

/** Non-blank text within the text limit. */
export const text = (maxLength = MAX_TEXT_LENGTH) =>
  fc.string({ minLength: 1, maxLength }).filter((value) => value.trim().length > 0);

export const timestamp = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());

export const url = fc
  .webUrl({ validSchemes: ['https', 'http'] })
  .filter((value) => value.length <= 2048);

const jsonValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
);
// zod drops `__proto__` keys from records (prototype-pollution guard), so they do not round-trip.
const key = fc.string({ minLength: 1, maxLength: 20 }).filter((value) => value !== '__proto__');
const jsonRecord = fc.dictionary(key, jsonValue, {
  maxKeys: 10,
});

const base = { id, timestamp, anonymousId: id };

const identify = fc.record(
  {
    ...base,
    type: fc.constant('identify' as const),
    userId: text(128),
    traits: jsonRecord,
    userHash: fc.stringMatching(/^[0-9a-f]{64}$/),
  },
  { requiredKeys: ['id', 'timestamp', 'anonymousId', 'type', 'userId'] },
);

const track = fc.record(
  {
    ...base,
    userId: text(128),
    type: fc.constant('track' as const),
    event: fc.string({ minLength: 1, maxLength: 200 }),
    properties: jsonRecord,
  },
  { requiredKeys: ['id', 'timestamp', 'anonymousId', 'type', 'event'] },
);

const page = fc.record(
  {
    ...base,
    type: fc.constant('page' as const),
    url,
    title: fc.string({ maxLength: 500 }),
    referrer: url,
  },
  { requiredKeys: ['id', 'timestamp', 'anonymousId', 'type', 'url'] },
);

const feedback = fc.record(
  {
    ...base,
    type: fc.constant('feedback' as const),
    message: text(),
    category: fc.constantFrom(...FEEDBACK_CATEGORIES),
    email: fc.constantFrom('ada@example.com', 'x.y+z@shop.example.org'),
    rating: fc.integer({ min: 1, max: 5 }),
    context: fc.record({
      url,
      userAgent: fc.string({ maxLength: 200 }),
      viewport: fc.record({
        width: fc.integer({ min: 0, max: 8000 }),
        height: fc.integer({ min: 0, max: 8000 }),
      }),
      locale: fc.constantFrom('en', 'fr-FR', 'de'),
    }),
  },
  { requiredKeys: ['id', 'timestamp', 'anonymousId', 'type', 'message'] },
);

const surveyResponse = fc.record(
  {
    ...base,
    type: fc.constant('survey_response' as const),
    surveyId: id,
    responseId: id,
    score: fc.integer({ min: 0, max: 10 }),
    comment: fc.string({ maxLength: 300 }),
    answers: fc.dictionary(key, fc.oneof(fc.string({ maxLength: 50 }), fc.integer()), {
      maxKeys: 5,
    }),
  },
  { requiredKeys: ['id', 'timestamp', 'anonymousId', 'type', 'surveyId'] },
);

/** Any valid message. */
export const message: fc.Arbitrary<Message> = fc.oneof(
  identify,
  track,
  page,
  feedback,
  surveyResponse,
) as fc.Arbitrary<Message>;
