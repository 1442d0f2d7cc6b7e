import type { ClientEventName, ClientEvents } from './client-events';

type Listener<E extends ClientEventName> = (payload: ClientEvents[E]) => void;

/** A typed event emitter: `on` returns an unsubscribe function. */
export interface Emitter {
  on<E extends ClientEventName>(event: E, listener: Listener<E>): () => void;
  emit<E extends ClientEventName>(event: E, payload: ClientEvents[E]): void;
  clear(): void;
}

/**
 * Creates the client's event emitter. A listener that throws is skipped, never rethrown:
 * a bug in the host page's handler must not break delivery or the next listener.
 */
export function createEmitter(): Emitter {
  const listeners = new Map<ClientEventName, Set<Listener<never>>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      const entry = listener as Listener<never>;
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as Listener<typeof event>)(payload);
        } catch {
          // Deliberately swallowed: see the function's comment.
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}
