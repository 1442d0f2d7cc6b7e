import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH, messageSchema } from '../src/schemas/index';
import { message } from './arbitraries';

function issuePaths(value: unknown): string[] {
  const result = messageSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.path.join('.'));
}

const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.object());

describe('invalid messages', () => {
  it('without an id are rejected at path "id"', () => {
    fc.assert(
      fc.property(message, (value) => {
        const { id: _id, ...rest } = value;
        expect(issuePaths(rest)).toContain('id');
      }),
    );
  });

  it('with a wrong-typed required field are rejected at that field', () => {
    fc.assert(
      fc.property(
        message,
        fc.constantFrom('id', 'timestamp', 'anonymousId'),
        notAString,
        (value, field, bad) => {
          expect(issuePaths({ ...value, [field]: bad })).toContain(field);
        },
      ),
    );
  });

  it('of an unknown type are rejected at path "type"', () => {
    fc.assert(
      fc.property(
        message,
        fc
          .string()
          .filter(
            (type) => !['identify', 'track', 'page', 'feedback', 'survey_response'].includes(type),
          ),
        (value, type) => {
          expect(issuePaths({ ...value, type })).toContain('type');
        },
      ),
    );
  });

  it('with oversize free text are rejected at that field', () => {
    const base = {
      id: 'm1',
      timestamp: '2026-11-25T09:00:00.000Z',
      anonymousId: 'a1',
    };
    const huge = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    expect(issuePaths({ ...base, type: 'feedback', message: huge })).toEqual(['message']);
    expect(issuePaths({ ...base, type: 'survey_response', surveyId: 's', comment: huge })).toEqual([
      'comment',
    ]);
    expect(issuePaths({ ...base, type: 'feedback', message: 'x'.repeat(MAX_TEXT_LENGTH) })).toEqual(
      [],
    );
  });

  it.each([
    ['blank feedback', { type: 'feedback', message: '   ' }, 'message'],
    ['bad category', { type: 'feedback', message: 'hi', category: 'rant' }, 'category'],
    ['bad email', { type: 'feedback', message: 'hi', email: 'not-an-email' }, 'email'],
    ['rating out of range', { type: 'feedback', message: 'hi', rating: 6 }, 'rating'],
    ['score out of range', { type: 'survey_response', surveyId: 's', score: 11 }, 'score'],
    ['fractional score', { type: 'survey_response', surveyId: 's', score: 7.5 }, 'score'],
    ['javascript: url', { type: 'page', url: 'javascript:alert(1)' }, 'url'],
    ['event too long', { type: 'track', event: 'e'.repeat(201) }, 'event'],
    ['identify without user', { type: 'identify' }, 'userId'],
    ['short userHash', { type: 'identify', userId: 'u', userHash: 'abc' }, 'userHash'],
    ['id with spaces', { type: 'track', event: 'x', id: 'a b' }, 'id'],
    [
      'timestamp without zone',
      { type: 'track', event: 'x', timestamp: '2026-11-25 09:00' },
      'timestamp',
    ],
  ])('rejects %s', (_name, fields, path) => {
    const value = { id: 'm1', timestamp: '2026-11-25T09:00:00Z', anonymousId: 'a1', ...fields };
    expect(issuePaths(value)).toContain(path);
  });
});
