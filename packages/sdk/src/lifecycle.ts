import type { ConsentState } from './client-options';
import type { Emitter } from './emitter';
import { RapportError } from './errors';
import type { KeyValueStorage } from './storage/key-value-storage';

/**
 * Whether the client may store and send: the visitor's consent and whether the client was
 * destroyed. The one owner of both — the outbox and the reads ask it, and keep no copy.
 */
export interface Lifecycle {
  /** The stored choice, else the `consent` option. */
  consent(): ConsentState;
  /** Why nothing may be stored or requested now (`destroyed`, `consent_required`), or undefined. */
  refusal(): RapportError | undefined;
  /** Throws the refusal, if any: nothing is stored or requested without consent. */
  allow(): void;
  /** Records the visitor's choice in storage and emits `consent`. */
  setConsent(state: ConsentState): void;
  isDestroyed(): boolean;
  /** Marks the client destroyed; false when it already was. */
  destroy(): boolean;
}

/**
 * Creates the lifecycle. `storageKey` (`rapport:<key>:consent`) keeps the visitor's choice
 * across pages; until there is one, `initial` (the `consent` option, default `'granted'`) holds.
 */
export function createLifecycle(
  storage: KeyValueStorage,
  storageKey: string,
  initial: ConsentState | undefined,
  emitter: Emitter,
): Lifecycle {
  const stored = storage.getItem(storageKey);
  let consent: ConsentState =
    stored === 'granted' || stored === 'denied' ? stored : (initial ?? 'granted');
  let destroyed = false;
  const refusal = (): RapportError | undefined => {
    if (destroyed) return new RapportError('destroyed', 'The client was destroyed');
    if (consent !== 'granted') {
      return new RapportError('consent_required', `Consent is ${consent}; call optIn() first`);
    }
    return undefined;
  };
  return {
    consent: () => consent,
    refusal,
    allow() {
      const refused = refusal();
      if (refused) throw refused;
    },
    setConsent(state) {
      consent = state;
      storage.setItem(storageKey, state);
      emitter.emit('consent', { state });
    },
    isDestroyed: () => destroyed,
    destroy() {
      if (destroyed) return false;
      destroyed = true;
      return true;
    },
  };
}
