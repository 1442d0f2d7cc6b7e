import type { Message } from '@rapport/protocol';

/**
 * The stored record a closed tab leaves: its queue, released, holding one `track` message per
 * id, with a heartbeat of now (so only its release makes it adoptable).
 */
export function closedTabQueue(...ids: string[]): string {
  const messages = ids.map(
    (id) =>
      ({
        id,
        type: 'track',
        event: 'x',
        timestamp: new Date().toISOString(),
        anonymousId: 'a',
      }) as Message,
  );
  return JSON.stringify({ heartbeat: Date.now(), released: true, messages });
}
