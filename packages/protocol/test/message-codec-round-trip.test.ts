import { describe, expect, it } from 'vitest';
import { messageSchema } from '../src/index';

const base = {
  id: '6c1f3c1e-8a52-4c1b-9a55-0f6f3f3c2b11',
  timestamp: '2026-11-25T09:00:00.000Z',
  anonymousId: 'anon-1',
};

describe('messageSchema', () => {
  it('accepts a feedback message and keeps it across a JSON round trip', () => {
    const message = {
      ...base,
      type: 'feedback',
      message: 'The checkout button does nothing',
      category: 'bug',
      context: {
        url: 'https://shop.example/cart',
        userAgent: 'x',
        viewport: { width: 1, height: 2 },
        locale: 'en',
      },
    };
    expect(messageSchema.parse(JSON.parse(JSON.stringify(message)))).toEqual(message);
  });

  it('rejects an unknown message type', () => {
    expect(messageSchema.safeParse({ ...base, type: 'nope' }).success).toBe(false);
  });
});
