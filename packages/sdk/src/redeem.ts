import type { RedeemResponse } from '@rapport/protocol';
import { createId } from './create-id';
import { isRapportError } from './errors';

/** Who redeems what, with the user's proof of identity. */
export interface RedeemArgs {
  userId: string;
  userHash: string;
  rewardId: string;
}

/**
 * Makes `redeem` safe against double clicks and lost answers. Each redemption gets a client id
 * the server is idempotent on; a second call for the same user and reward while the first is
 * in flight returns the same promise, and after an uncertain failure (network, 408, 429, 5xx)
 * the next attempt reuses the id — the first may have been charged, and must not be twice.
 * The id is forgotten once the server gave a definite answer, so a later redeem is a new one.
 */
export function createRedeemer(
  send: (body: RedeemArgs & { id: string }) => Promise<RedeemResponse>,
) {
  const ids = new Map<string, string>();
  const inFlight = new Map<string, Promise<RedeemResponse>>();
  return {
    redeem(args: RedeemArgs): Promise<RedeemResponse> {
      const key = `${args.userId}\n${args.rewardId}`;
      const running = inFlight.get(key);
      if (running) return running;
      const id = ids.get(key) ?? createId();
      ids.set(key, id);
      const promise = send({ id, ...args })
        .then(
          (response) => {
            ids.delete(key);
            return response;
          },
          (error: unknown) => {
            if (isDefinite(error)) ids.delete(key);
            throw error;
          },
        )
        .finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
    forget() {
      ids.clear();
    },
  };
}

function isDefinite(error: unknown): boolean {
  const status = isRapportError(error) ? error.status : undefined;
  return status !== undefined && status < 500 && status !== 408 && status !== 429;
}
