import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { userHashOf, verifyUserHash } from '../src/identity';

// RFC 4231 §4.3, test case 2: HMAC-SHA256 with key "Jefe" over "what do ya want for nothing?".
// The key is the identity secret and the data is the user id; swapping them gives another value.
const SECRET = 'Jefe';
const USER_ID = 'what do ya want for nothing?';
const PUBLISHED = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';

describe('userHash', () => {
  it('is HMAC-SHA256 keyed by the identity secret over the user id (RFC 4231 vector)', () => {
    expect(userHashOf(SECRET, USER_ID)).toBe(PUBLISHED);
    expect(verifyUserHash(SECRET, USER_ID, PUBLISHED)).toBe(true);
    expect(verifyUserHash(SECRET, USER_ID, PUBLISHED.toUpperCase())).toBe(true);
  });

  it('refuses the hash with key and data swapped, another user’s, and malformed ones', () => {
    const swapped = createHmac('sha256', USER_ID).update(SECRET).digest('hex');
    expect(verifyUserHash(SECRET, USER_ID, swapped)).toBe(false);
    expect(verifyUserHash(SECRET, 'someone else', PUBLISHED)).toBe(false);
    expect(verifyUserHash(SECRET, USER_ID, PUBLISHED.slice(0, 63))).toBe(false);
    expect(verifyUserHash(SECRET, USER_ID, `${PUBLISHED}0`)).toBe(false);
    expect(verifyUserHash(SECRET, USER_ID, 42)).toBe(false);
  });

  it('hashes the user id as UTF-8', () => {
    const independent = createHmac('sha256', Buffer.from('is_test', 'utf8'))
      .update(Buffer.from('zoë@example.com', 'utf8'))
      .digest('hex');
    expect(userHashOf('is_test', 'zoë@example.com')).toBe(independent);
  });
});
