import type { ClientOptions, ConsentState, RapportClient } from '@rapport/sdk';
import { catchRejection, reportError } from '../actions/report-error';
import type { WidgetHandle } from '../core/widget-handle';
import type { WidgetOptions } from '../options';

/** Settings for `rapport('init', settings)`: the publishable key, the API URL and any widget option. */
export interface InitSettings extends WidgetOptions {
  /** Publishable key (`pk_…`). */
  key: string;
  /** Base URL of the Rapport server. @default the SDK's default endpoint */
  api?: string;
  /**
   * Where the UI chunks (`rapport-ui-<hash>.js`, `rapport-fr-<hash>.js`) are served from,
   * e.g. a CDN folder. Also `data-chunks` on the script tag.
   * @default the folder `rapport.js` was loaded from
   */
  chunkBase?: string;
  /**
   * Consent to start with, as the SDK's `consent` option; also `data-consent` on the script
   * tag. With `'pending'` nothing is stored and no request leaves until `rapport('optIn')`.
   * A choice stored by `optIn`/`optOut` on an earlier page wins.
   * @default 'granted'
   * @example rapport('init', { key: 'pk_live_…', consent: 'pending' })
   */
  consent?: ConsentState;
  /**
   * Redact or drop each message before it is stored, as the SDK's `beforeSend` option.
   * @default undefined
   * @example rapport('init', { key: 'pk_live_…', beforeSend: (m) => (m.type === 'track' ? null : m) })
   */
  beforeSend?: ClientOptions['beforeSend'];
}

/** A running widget: its client and its mounted UI. */
export interface Session {
  client: RapportClient;
  widget: WidgetHandle;
}

/** The `window.rapport(command, ...args)` function of the script-tag build. */
export type RapportCommand = (command: string, ...args: unknown[]) => unknown;

/**
 * The command function behind `window.rapport`. Commands sent before `init` wait and run,
 * in order, once a session starts. Nothing here throws into the page: unknown commands and
 * failures are reported through the client's `error` event (or `console.warn` before init).
 */
export function createCommandApi(start: (settings: InitSettings) => Session): RapportCommand {
  let session: Session | undefined;
  let settings: InitSettings | undefined;
  const waiting: unknown[][] = [];

  const report = (error: unknown) => {
    if (session) reportError(session.client, error);
    else console.warn('[rapport]', error);
  };
  const settle = (result: unknown) => catchRejection(result, report);

  function init(next: unknown): void {
    if (!isInit(next)) {
      report(invalid('init needs { key: "pk_…" }'));
      return;
    }
    // A second init replaces the first, keeping settings it does not override.
    settings = { ...settings, ...next };
    if (session) {
      session.widget.unmount();
      session.client.destroy();
    }
    session = start(settings);
    for (const args of waiting.splice(0)) run(args);
  }

  function dispatch({ client, widget }: Session, command: unknown, args: unknown[]): unknown {
    const [a, b, c] = args as [never, never, never];
    switch (command) {
      case 'identify':
        return settle(client.identify(a, b, c));
      case 'track':
        return settle(client.track(a, b));
      case 'page':
        return settle(client.page(a));
      case 'feedback':
        return settle(client.feedback(feedbackInput(a)));
      case 'reply':
        return settle(client.inbox.reply(a, b));
      case 'open':
        return a === 'survey' ? widget.open(a, b) : widget.open(a);
      case 'close':
        return widget.close();
      case 'update':
        return widget.update(a);
      case 'attachTo':
        return widget.update({ attachTo: a });
      case 'reset':
        return client.reset();
      case 'optIn':
        return client.optIn();
      case 'optOut':
        return client.optOut();
      case 'on':
        return client.on(a, b);
      default:
        report(invalid(`unknown command "${String(command)}"`));
    }
  }

  function run(args: unknown[]): unknown {
    const [command, ...rest] = args;
    try {
      if (command === 'init') return init(rest[0]);
      if (!session) {
        waiting.push(args);
        return undefined;
      }
      return dispatch(session, command, rest);
    } catch (error) {
      report(error);
      return undefined;
    }
  }

  return (...args) => run(args);
}

/**
 * Replay what the inline stub queued before the script loaded, in order. All queued `init`
 * settings are merged over `base` (from the script tag's data attributes) so the widget
 * starts once; then every other call runs in the order it was made.
 */
export function replayQueue(
  api: RapportCommand,
  queue: ArrayLike<ArrayLike<unknown>>,
  base: Partial<InitSettings>,
): void {
  const calls = Array.from(queue, (call) => Array.from(call));
  let settings = base;
  for (const [command, options] of calls) {
    if (command === 'init' && typeof options === 'object') settings = { ...settings, ...options };
  }
  if (settings.key) api('init', settings);
  for (const call of calls) if (call[0] !== 'init') api(...(call as [string]));
}

/** `feedback` takes the SDK's input; `{ text }` is accepted as another name for `message`. */
function feedbackInput(input: unknown): never {
  const { text, ...rest } = (input ?? {}) as { text?: unknown; message?: unknown };
  return (
    text !== undefined && rest.message === undefined ? { ...rest, message: text } : input
  ) as never;
}

function isInit(value: unknown): value is InitSettings {
  return (
    typeof value === 'object' && value !== null && typeof (value as InitSettings).key === 'string'
  );
}

function invalid(message: string) {
  return {
    name: 'RapportError' as const,
    code: 'invalid_argument' as const,
    message: `rapport(): ${message}`,
  };
}
