/// <reference path="../styles/css.d.ts" />
import { effect } from '@preact/signals';
import { render } from 'preact';
import { markFeedbackDelivered, markFeedbackFailed } from '../actions/feedback';
import { markReplyDelivered, markReplyFailed } from '../actions/reply';
import { createSurveyScheduler } from '../actions/surveys';
import { App } from '../components/App';
import { createStore } from '../store';
import { adoptStylesheet } from '../styles/adopt-stylesheet';
import css from '../styles/panels.css?raw';
import type { UiContext, UiHandle } from '../ui-contract';

/**
 * Mount the dialog and the survey card into the shadow root the launcher drew. Called by
 * the launcher once the UI chunk has loaded (on intent, on open, or when a survey is due).
 */
export function mountUi(context: UiContext): UiHandle {
  const { client, shadow, container } = context;
  adoptStylesheet(shadow, css, context.options.nonce);
  const store = createStore(client, context.options);
  store.config.value = context.config;
  const surveys = createSurveyScheduler(store);
  const stopMirroring = effect(() => {
    // Open only when there is a dialog to show; the section as the dialog picks it.
    const panels = store.panels.value;
    const panel = store.panel.peek();
    context.onOpenChange(
      store.open.value && panels.length > 0,
      panels.includes(panel) ? panel : panels[0],
    );
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
    }),
    client.on('sent', ({ message }) => {
      markFeedbackDelivered(store, message.id);
      markReplyDelivered(store, message);
    }),
    client.on('error', ({ message, error }) => {
      markFeedbackFailed(store, message, error);
      markReplyFailed(store, message);
    }),
    client.on('dropped', ({ messages }) => {
      for (const message of messages) {
        markFeedbackFailed(store, message);
        markReplyFailed(store, message);
      }
    }),
    client.on('reset', () => {
      store.userId.value = undefined;
      forget();
    }),
  ];
  render(<App store={store} launcher={context.launcher} />, container);

  return {
    open(panel) {
      if (panel) store.panel.value = panel;
      store.open.value = true;
    },
    close() {
      store.open.value = false;
    },
    toggle() {
      store.open.value = !store.open.peek();
    },
    update(options) {
      store.options.value = options;
    },
    setConfig(config) {
      store.config.value = config;
    },
    offerSurveys: surveys.offer,
    showSurvey: surveys.showNow,
    unmount() {
      surveys.cancel();
      stopMirroring();
      for (const off of unsubscribe) off();
      render(null, container);
    },
  };
}
