import { describe, expect, it } from 'vitest';
import {
  batchEnvelopeSchema,
  batchResponseSchema,
  isErrorBody,
  MAX_BATCH_MESSAGES,
} from '../src/schemas/index';

describe('batch envelope', () => {
  it('accepts 1 to 100 messages of any shape, checked one by one later', () => {
    expect(batchEnvelopeSchema.safeParse({ messages: [{}] }).success).toBe(true);
    const full = Array.from({ length: MAX_BATCH_MESSAGES }, () => ({}));
    expect(batchEnvelopeSchema.safeParse({ messages: full }).success).toBe(true);
  });

  it('rejects an empty, oversized or missing message list', () => {
    expect(batchEnvelopeSchema.safeParse({ messages: [] }).success).toBe(false);
    const tooMany = Array.from({ length: MAX_BATCH_MESSAGES + 1 }, () => ({}));
    expect(batchEnvelopeSchema.safeParse({ messages: tooMany }).success).toBe(false);
    expect(batchEnvelopeSchema.safeParse({}).success).toBe(false);
    expect(batchEnvelopeSchema.safeParse([]).success).toBe(false);
  });

  it('describes the batch answer', () => {
    const answer = {
      accepted: 2,
      duplicates: 1,
      rejected: [{ id: 'x', code: 'invalid_body', message: 'bad' }],
    };
    expect(batchResponseSchema.parse(answer)).toEqual(answer);
    expect(
      batchResponseSchema.safeParse({ accepted: -1, duplicates: 0, rejected: [] }).success,
    ).toBe(false);
  });

  it('recognises the error body shape', () => {
    expect(isErrorBody({ error: { code: 'invalid_body', message: 'm' } })).toBe(true);
    expect(isErrorBody({ error: { code: 1 } })).toBe(false);
    expect(isErrorBody(null)).toBe(false);
  });
});

describe('record fields', () => {
  it('drop a __proto__ key instead of polluting the prototype', async () => {
    const { messageSchema } = await import('../src/schemas/index');
    const wire = JSON.parse(
      '{"id":"m","timestamp":"2026-11-25T09:00:00Z","anonymousId":"a","type":"track","event":"e","properties":{"__proto__":{"polluted":true},"ok":1}}',
    );
    const parsed = messageSchema.parse(wire);
    expect(parsed.type === 'track' && parsed.properties).toEqual({ ok: 1 });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
