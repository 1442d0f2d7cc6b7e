/**
 * `JSON.stringify` that ignores an `Array.prototype.toJSON` added by the host page.
 * Prototype.js (still on many older sites) defines one that returns a string, so every array
 * — the outbox in storage, `messages` in a batch — would be written as a JSON string: the
 * queue would read back as empty and the server would refuse the batch.
 */
export function toJson(value: unknown): string {
  const proto = Array.prototype as { toJSON?: unknown };
  const own = Object.getOwnPropertyDescriptor(proto, 'toJSON');
  if (!own?.configurable) return JSON.stringify(value);
  delete proto.toJSON;
  try {
    return JSON.stringify(value);
  } finally {
    Object.defineProperty(proto, 'toJSON', own);
  }
}
