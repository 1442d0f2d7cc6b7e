/**
 * A random UUID v4, the client id of every message. Uses `crypto.randomUUID` where it exists
 * (secure contexts) and builds one from `crypto.getRandomValues` otherwise, because plain-http
 * pages have no `randomUUID` and ids must still be unique for server-side deduplication.
 * Every supported browser and Node 20 has `getRandomValues`, so there is no weaker fallback.
 */
export function createId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hexOf(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A device secret: 128 random bits from `crypto.getRandomValues`, as 32 hex characters. Kept
 * with the identity and sent with writes; the server keeps only its hash (issue 14, item 2).
 */
export function createSecret(): string {
  return hexOf(crypto.getRandomValues(new Uint8Array(16)));
}

function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
