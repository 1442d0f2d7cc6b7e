import type { ErrorCode, Message, Panel } from '@rapport/protocol';
import type { ConsentState } from './client-options';

/** Every event a client emits, with its payload. */
export interface ClientEvents {
  /** A message was acknowledged by the server. */
  sent: { message: Message };
  /** A message is stored and waiting for the network. */
  queued: { message: Message };
  /** The outbox was full; the oldest messages were dropped. */
  dropped: { messages: Message[]; reason: 'count' | 'bytes' };
  /** Something went wrong that the host page should know about; never thrown. */
  error: { error: RapportErrorLike; message?: Message };
  identify: { userId: string; traits?: Record<string, unknown> };
  /** The user was forgotten: by `reset()`, or by `optOut()`, which also clears the outbox. */
  reset: Record<string, never>;
  consent: { state: ConsentState };
  /**
   * How many of the team's replies the customer has not read, each time the client learns it:
   * from `inbox.unread()` or `inbox.read()` (the widget's launcher shows it as a badge).
   */
  unread: { count: number };
  online: Record<string, never>;
  offline: Record<string, never>;
  // Events emitted by the widget through the same client, so a page has one place to listen
  // (`client.on`, or `rapport('on', …)` with the script tag). The SDK alone never emits them.
  'survey:shown': { surveyId: string };
  'survey:dismissed': { surveyId: string };
  'survey:answered': { surveyId: string; score?: number };
  /** The widget's dialog opened (launcher, the site's own button, `open()`), on `panel`. */
  open: { panel: Exclude<Panel, 'surveys'> };
  /** The widget's dialog closed (Esc, its close button, the launcher, `close()`). */
  close: Record<string, never>;
}

/** The name of any client event. */
export type ClientEventName = keyof ClientEvents;

/** Shape of RapportError, for event payloads. */
export interface RapportErrorLike {
  name: 'RapportError';
  code: ErrorCode;
  message: string;
  status?: number;
}
