/// <reference path="./styles/css.d.ts" />
import { effect } from '@preact/signals';
import type { RapportClient } from '@rapport/sdk';
import { render } from 'preact';
import { markFeedbackDelivered, markFeedbackFailed } from './actions/feedback';
import { reportError } from './actions/report-error';
import { createSurveyScheduler } from './actions/surveys';
import { App } from './components/App';
import type { WidgetOptions } from './options';
import { createStore, type DialogPanel } from './store';
import css from './styles/widget.css?raw';

/** What {@link mount} returns: control the widget from the host page. */
export interface WidgetHandle {
  /** Open the dialog, on a section if given (`feedback`, `loyalty`, `inbox`). */
  open(panel?: DialogPanel): void;
  /** Close the dialog; focus returns to the launcher. */
  close(): void;
  /**
   * Change options while mounted, merged over the current ones; `nonce` and `container`
   * only apply at mount.
   * @example widget.update({ locale: 'fr' }) // the page switched to French
   */
  update(options: Partial<WidgetOptions>): void;
  /** Remove the widget from the page and stop listening to the client. Safe to call twice. */
  unmount(): void;
  /** The element hosting the widget's shadow root. */
  readonly host: HTMLElement | undefined;
}

/** The widget mounted for each client; unmounting an old handle again is a no-op. */
const current = new WeakMap<RapportClient, WidgetHandle>();

const NOOP: WidgetHandle = { open() {}, close() {}, update() {}, unmount() {}, host: undefined };

/**
 * Render the Rapport widget into a shadow root on the page. Mounting again for the same client
 * replaces the previous widget. Never throws: a failure is reported through
 * `client.emit('error')` and a do-nothing handle is returned.
 * @example
 * const client = createClient({ key: 'pk_demo' });
 * const widget = mount(client, { theme: 'dark', locale: 'fr' });
 * widget.open('loyalty');
 */
export function mount(client: RapportClient, options: WidgetOptions = {}): WidgetHandle {
  try {
    // Mounting again (a re-render, a second script) replaces the widget: one launcher a client.
    current.get(client)?.unmount();
    const handle = mountUnsafe(client, options);
    current.set(client, handle);
    return handle;
  } catch (error) {
    reportError(client, error);
    return NOOP;
  }
}

function mountUnsafe(client: RapportClient, options: WidgetOptions): WidgetHandle {
  const host = document.createElement('rapport-widget');
  const shadow = host.attachShadow({ mode: 'open' });
  const base = document.createElement('style');
  const theme = document.createElement('style');
  for (const style of [base, theme]) if (options.nonce) style.nonce = options.nonce;
  base.textContent = css;
  const app = document.createElement('div');
  shadow.append(base, theme, app);
  const stopWaiting = attach(host, options.container, client);

  const store = createStore(client, options);
  const surveys = createSurveyScheduler(store);
  const stopTheme = effect(() => {
    const { theme: mode, accent } = store.settings.value;
    host.setAttribute('data-theme', mode);
    // A stylesheet rule, not a style attribute, so strict CSP (style-src 'nonce-…') allows it.
    theme.textContent = `:host{--rapport-accent:${accent}}`;
  });

  const forget = () => {
    store.loyalty.value = { state: 'idle' };
    store.inbox.value = { state: 'idle' };
    store.redeemResult.value = undefined;
  };
  const unsubscribe = [
    client.on('identify', ({ userId }) => {
      store.userId.value = userId;
      forget();
      void surveys.check();
    }),
    client.on('sent', ({ message }) => markFeedbackDelivered(store, message.id)),
    client.on('error', ({ message }) => markFeedbackFailed(store, message)),
    client.on('dropped', ({ messages }) => {
      for (const message of messages) markFeedbackFailed(store, message);
    }),
    client.on('reset', () => {
      store.userId.value = undefined;
      forget();
    }),
  ];

  let mounted = true;
  // The launcher goes in first, with the defaults; the server's config, and the surveys
  // after it, are fetched in the next task so that nothing on the way to the launcher waits
  // for the network.
  render(<App store={store} />, app);
  const loadConfig = setTimeout(() => {
    client
      .config()
      .then((config) => {
        store.config.value = config;
      })
      .catch((error: unknown) => reportError(client, error))
      .finally(() => {
        // Unmounted while the config was loading: schedule nothing.
        if (mounted) void surveys.check();
      });
  }, 0);

  return {
    host,
    open(panel) {
      if (panel) store.panel.value = panel;
      store.open.value = true;
    },
    close() {
      store.open.value = false;
    },
    update(next) {
      store.options.value = { ...store.options.peek(), ...next };
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      stopWaiting();
      clearTimeout(loadConfig);
      surveys.cancel();
      stopTheme();
      for (const off of unsubscribe) off();
      render(null, app);
      host.remove();
    },
  };
}

/**
 * Put `host` in `container`, or in the body. An async script served from cache can run while
 * the parser is still in `<head>`, before `document.body` exists: then wait for the document
 * to be parsed. Returns a function that stops waiting (unmounted before that).
 */
function attach(host: HTMLElement, container: HTMLElement | undefined, client: RapportClient) {
  const parent = container ?? document.body;
  if (parent) {
    parent.appendChild(host);
    return () => {};
  }
  const onReady = () => {
    try {
      document.body.appendChild(host);
    } catch (error) {
      reportError(client, error);
    }
  };
  document.addEventListener('DOMContentLoaded', onReady, { once: true });
  return () => document.removeEventListener('DOMContentLoaded', onReady);
}
