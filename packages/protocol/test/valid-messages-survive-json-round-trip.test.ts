import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchRequestSchema, messageSchema } from '../src/schemas/index';
import { message } from './arbitraries';

describe('valid messages', () => {
  it('parse, and parse to the same value after a JSON round trip', () => {
    fc.assert(
      fc.property(message, (value) => {
        const wire = JSON.parse(JSON.stringify(value));
        const parsed = messageSchema.safeParse(wire);
        if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
        expect(parsed.data).toEqual(wire);
      }),
      { numRuns: 500 },
    );
  });

  it('form a valid batch of up to 100', () => {
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 100 }), (messages) => {
        expect(batchRequestSchema.safeParse({ messages }).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
