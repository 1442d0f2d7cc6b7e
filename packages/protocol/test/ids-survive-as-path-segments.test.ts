import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idSchema, isPathSafeId, surveyInputSchema } from '../src/schemas/index';

/** What a server router sees of `/v1/admin/surveys/<id>` after WHATWG URL normalisation. */
function segmentAfterNormalisation(id: string): string | undefined {
  const path = new URL(`http://127.0.0.1/v1/admin/surveys/${id}`).pathname;
  return path.startsWith('/v1/admin/surveys/')
    ? path.slice('/v1/admin/surveys/'.length)
    : undefined;
}

const idChars = fc.constantFrom(...'abcXYZ019_-.:@'.split(''));

describe('ids as URL path segments', () => {
  it('refuses . and .., which URL normalisation removes', () => {
    for (const id of ['.', '..']) {
      expect(segmentAfterNormalisation(id)).not.toBe(id);
      const result = idSchema.safeParse(id);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/\.\./);
      expect(isPathSafeId(id)).toBe(false);
    }
    expect(
      surveyInputSchema.safeParse({ id: '..', name: 'n', type: 'nps', question: 'q' }).success,
    ).toBe(false);
  });

  it('accepts only ids that reach the router unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: idChars, minLength: 1, maxLength: 6 }), (id) => {
        const survives = segmentAfterNormalisation(id) === id;
        expect(idSchema.safeParse(id).success).toBe(survives);
      }),
      { numRuns: 2000 },
    );
  });

  it('still accepts ids with dots that are not dot segments', () => {
    for (const id of ['...', '.a', 'a.', 'v1.2', 'a..b']) {
      expect(idSchema.safeParse(id).success).toBe(true);
    }
  });
});
