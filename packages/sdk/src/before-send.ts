import type { Message } from '@rapport/protocol';
import { checkMessage } from './build-messages';
import type { Emitter } from './emitter';
import { invalidArgument, RapportError } from './errors';
import { toJson } from './to-json';

/** The `beforeSend` option: see {@link ClientOptions.beforeSend}. */
export type BeforeSend = (message: Message) => Message | null | undefined;

/** The fields that say who sent which message when: the SDK's, not the hook's. */
const ENVELOPE = ['id', 'type', 'timestamp', 'anonymousId', 'userId', 'userHash'] as const;

/**
 * Runs the site's `beforeSend` hook on a message the SDK built and checked: the message to
 * store (the hook's version, checked again like any built message), or `undefined` when the
 * hook dropped it by returning `null` or `undefined`.
 *
 * A hook that throws, or returns something that is not a valid message of the same id and
 * type, keeps the original: a bug in page code must not lose the visitor's feedback without
 * a trace, and it is reported as an `error` event (`invalid_argument`) carrying the message.
 * A hook that must never let the original through catches its own errors and returns null.
 */
export function runBeforeSend(
  hook: BeforeSend | undefined,
  message: Message,
  emitter: Emitter,
): Message | undefined {
  if (typeof hook !== 'function') return message;
  let changed: unknown;
  try {
    // A copy, so a hook that edits in place and then throws leaves the original as it was.
    changed = hook(JSON.parse(toJson(message)) as Message);
  } catch (cause) {
    return keep(message, emitter, 'beforeSend threw', cause);
  }
  if (changed === null || changed === undefined) return undefined;
  try {
    return checkChanged(changed, message);
  } catch (cause) {
    return keep(message, emitter, 'beforeSend returned an invalid message', cause);
  }
}

function keep(message: Message, emitter: Emitter, what: string, cause: unknown): Message {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const error = new RapportError('invalid_argument', `${what} (${reason}); kept unchanged`, {
    cause,
  });
  emitter.emit('error', { error, message });
  return message;
}

function checkChanged(changed: unknown, original: Message): Message {
  if (typeof changed !== 'object' || Array.isArray(changed)) {
    throw invalidArgument('beforeSend must return the message, null or undefined');
  }
  for (const field of ENVELOPE) {
    if ((changed as Record<string, unknown>)[field] !== original[field]) {
      throw invalidArgument(`beforeSend must not change the message's ${field}`);
    }
  }
  return checkMessage({ ...(changed as Message) });
}
