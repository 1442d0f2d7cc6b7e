import type { Message } from '@rapport/protocol';
import { MAX_BATCH_MESSAGES, MAX_BODY_BYTES } from '@rapport/protocol';
import { jsonByteLength } from './byte-length';

/** Bytes of `{"messages":[],"sentAt":"…"}` around the messages, with room to spare. */
const ENVELOPE_BYTES = 64;

/**
 * Splits `messages`, in order, into batches the server accepts: at most
 * `MAX_BATCH_MESSAGES` each and a JSON body of at most `maxBytes` (64 KiB by default, which is
 * also what browsers allow a beacon). A message is never split or reordered.
 */
export function splitIntoBatches(messages: Message[], maxBytes = MAX_BODY_BYTES): Message[][] {
  const batches: Message[][] = [];
  let current: Message[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const message of messages) {
    const size = jsonByteLength(message) + 1; // the comma between messages
    if (current.length > 0 && (current.length >= MAX_BATCH_MESSAGES || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = ENVELOPE_BYTES;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Largest single message the SDK accepts: one that fits alone in a batch. */
export const MAX_MESSAGE_BYTES = MAX_BODY_BYTES - ENVELOPE_BYTES;
