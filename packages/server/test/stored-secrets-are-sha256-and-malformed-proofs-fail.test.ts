import { describe, expect, it } from 'vitest';
import {
  hashDeviceSecret,
  hashSecretKey,
  verifyDeviceSecret,
  verifyUserHash,
} from '../src/identity';

// FIPS 180-2, appendix B.1: SHA-256 of "abc".
const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
// RFC 4231 §4.3, test case 2 (key "Jefe"), as in user-hash-matches-published-hmac-vectors.
const HMAC_KEY = 'Jefe';
const HMAC_DATA = 'what do ya want for nothing?';
const HMAC = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';

/** A device secret of the allowed shape (22–128 of A–Z a–z 0–9 _ -) and its stored hash. */
const SECRET = 'abc'.repeat(8);
// SHA-256 of "abcabcabcabcabcabcabcabc", computed with `printf %s … | sha256sum`.
const SECRET_SHA256 = '12f2874e73083568d40d20063914ccaf2f8e7ff04fddc965cb85d1976efa0557';

describe('stored forms of secrets', () => {
  it('keeps secret keys and device secrets as lowercase SHA-256 hex (FIPS 180-2 vector)', () => {
    expect(hashSecretKey('abc')).toBe(ABC_SHA256);
    expect(hashDeviceSecret('abc')).toBe(ABC_SHA256);
    expect(hashDeviceSecret(SECRET)).toBe(SECRET_SHA256);
  });
});

describe('device secret proofs', () => {
  it('accept the secret whose hash is stored, and no other', () => {
    expect(verifyDeviceSecret(SECRET_SHA256, SECRET)).toBe(true);
    expect(verifyDeviceSecret(SECRET_SHA256, `${SECRET}x`)).toBe(false);
  });

  it('fail, without throwing, when the stored hash is missing or not 64 lowercase hex', () => {
    for (const stored of [
      null,
      undefined,
      '',
      `z${SECRET_SHA256}`,
      `${SECRET_SHA256}zz`,
      SECRET_SHA256.slice(1),
      SECRET_SHA256.toUpperCase(),
    ]) {
      expect(verifyDeviceSecret(stored, SECRET), String(stored)).toBe(false);
    }
  });

  it('fail for a presented secret outside 22–128 allowed characters, even with its hash stored', () => {
    for (const secret of ['a'.repeat(21), 'a'.repeat(129), `${'a'.repeat(22)}.`]) {
      expect(verifyDeviceSecret(hashDeviceSecret(secret), secret), secret).toBe(false);
    }
    expect(verifyDeviceSecret(hashDeviceSecret('a'.repeat(22)), 'a'.repeat(22))).toBe(true);
    expect(verifyDeviceSecret(hashDeviceSecret('a'.repeat(128)), 'a'.repeat(128))).toBe(true);
  });

  it('fail, without throwing, for a presented secret that is not a string', () => {
    for (const secret of [[SECRET], 42, undefined, null, { toString: () => SECRET }]) {
      expect(verifyDeviceSecret(SECRET_SHA256, secret)).toBe(false);
    }
  });
});

describe('userHash proofs', () => {
  it('fail, without throwing, for a userHash that is not a string, even one that prints as the right hash', () => {
    expect(verifyUserHash(HMAC_KEY, HMAC_DATA, HMAC)).toBe(true);
    for (const hash of [[HMAC], { toString: () => HMAC }, null, undefined]) {
      expect(verifyUserHash(HMAC_KEY, HMAC_DATA, hash)).toBe(false);
    }
    expect(verifyUserHash(HMAC_KEY, HMAC_DATA, `z${HMAC}`)).toBe(false);
    expect(verifyUserHash(HMAC_KEY, HMAC_DATA, `${HMAC}zz`)).toBe(false);
  });
});
