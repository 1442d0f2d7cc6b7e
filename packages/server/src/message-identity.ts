import type { Message, RejectedMessage } from '@rapport/protocol';
import { verifyUserHash } from './identity';
import type { StorableMessage } from './store/ingest';
import type { Project } from './store/projects';

/** What {@link resolveMessageIdentity} decided: the message to store, or why not. */
export type ResolvedIdentity =
  | { message: StorableMessage; problem?: undefined }
  | { problem: Omit<RejectedMessage, 'id'>; message?: undefined };

/**
 * Applies the identity rule (DESIGN.md, "Identity rule"; server README, "Identity") to one
 * message of any type:
 * - `userId` with a valid `userHash` → the message is the user's;
 * - `userId` with a wrong `userHash` → rejected `unauthorized`;
 * - `userId` without `userHash` → rejected `unauthorized` when the project sets
 *   `identityVerificationRequired`, else stored as anonymous: `userId` is dropped and kept
 *   only as `claimedUserId`, which ingest files as an unverified trait and never as a link to
 *   the user's inbox, loyalty or survey history.
 * The hash itself is never stored.
 */
export function resolveMessageIdentity(message: Message, project: Project): ResolvedIdentity {
  const { userHash, ...rest } = message;
  if (rest.userId === undefined) return { message: rest as StorableMessage };
  if (userHash !== undefined) {
    if (!verifyUserHash(project.identitySecret, rest.userId, userHash)) {
      return { problem: { code: 'unauthorized', message: 'userHash does not match userId.' } };
    }
    return { message: rest as StorableMessage };
  }
  if (project.settings.identityVerificationRequired === true) {
    return {
      problem: {
        code: 'unauthorized',
        message: 'This project requires a userHash with every userId (identity verification).',
      },
    };
  }
  const { userId, ...anonymous } = rest;
  return { message: { ...anonymous, claimedUserId: userId } as StorableMessage };
}
