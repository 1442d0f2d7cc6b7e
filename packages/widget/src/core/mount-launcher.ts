/// <reference path="../styles/css.d.ts" />
import { SURVEY_DISMISSED_EVENT, type WidgetConfig } from '@rapport/protocol';
import type { Message, RapportClient } from '@rapport/sdk';
import { guard, reportError } from '../actions/report-error';
import { format } from '../i18n/format-text';
import { type LauncherTextKey, launcherText } from '../i18n/launcher-texts';
import { resolveLook, serverTexts, type WidgetOptions } from '../options';
import type { DialogPanel } from '../store';
import { adoptStylesheet } from '../styles/adopt-stylesheet';
import css from '../styles/launcher.css?raw';
import type { ChunkLoader, UiHandle } from '../ui-contract';
import { attachHost, whenIdle } from './attach-host';
import { watchTriggers } from './attach-trigger';
import type { ConfigCache } from './config-cache';
import { drawLauncher } from './launcher-view';
import { createUiLoader } from './ui-loader';
import { watchNavigation } from './watch-navigation';
import { watchUnread } from './watch-unread';
import type { WidgetHandle } from './widget-handle';

/**
 * Draws the launcher in a shadow root with plain DOM and loads the UI chunk only when it is
 * wanted: on intent (pointer over, focus, touch), on open, or in idle time when the server
 * says a survey is due. A click before the chunk has arrived shows a loading state and opens
 * the dialog when it is there; a chunk that fails every retry is explained beside the
 * launcher, and the next click tries again. The site's own button (`attachTo`) works like
 * the launcher, which `launcher: false` leaves out. Every change of the dialog's state is
 * announced as the client's `open`/`close` event, however it happened. With a `cache`, the
 * launcher is first drawn with the config the server last sent, then with the fresh one.
 */
export function mountLauncher(
  client: RapportClient,
  initial: WidgetOptions,
  chunks: ChunkLoader,
  retryDelays?: readonly number[],
  cache?: ConfigCache,
): WidgetHandle {
  const host = document.createElement('rapport-widget');
  const shadow = host.attachShadow({ mode: 'open' });
  const root = document.createElement('div');
  const container = document.createElement('div');
  container.className = 'ui';
  root.append(container);
  shadow.append(root);
  adoptStylesheet(shadow, css, initial.nonce);
  const accent = adoptStylesheet(shadow, '', initial.nonce);
  const view = drawLauncher(root);
  const loader = createUiLoader(chunks, client, retryDelays);

  let options = initial;
  let config: WidgetConfig | undefined = cache?.read(client);
  let ui: UiHandle | undefined;
  let mounted = true;
  // What the launcher shows besides the options: the dialog's state and the loading state.
  const state = { expanded: false, busy: false, failed: false, unread: 0 };
  /** Open as soon as the UI is there (`undefined` panel: the current one); false: stay closed. */
  let wanted: { panel?: DialogPanel } | false = false;
  /** What opened the dialog, which gets focus back when it closes. */
  let opener: HTMLElement | undefined;
  let configAsked = false;

  function paint(): void {
    const look = resolveLook(options, config);
    const text = (key: LauncherTextKey) =>
      launcherText(key, look.locale, serverTexts(config, look.locale), options.texts);
    host.setAttribute('data-theme', look.theme);
    // A stylesheet rule, not a style attribute, so strict CSP allows it.
    accent.replace(`:host{--rapport-accent:${look.accent}}`);
    root.className = `root ${look.position}`;
    root.lang = look.locale;
    view.paint({
      label: text('launcher'),
      hidden: options.launcher === false || !look.panels.some((panel) => panel !== 'surveys'),
      expanded: state.expanded,
      busy: state.busy,
      busyText: text('loading'),
      failure: state.failed ? text('loadFailed') : undefined,
      unread: state.unread,
      unreadText: format(text('unreadReplies'), { n: state.unread }, look.locale),
    });
    triggers.paint(state.expanded);
  }

  async function ensureUi(): Promise<UiHandle | undefined> {
    const loaded = await loader.load(resolveLook(options, config).locale);
    if (mounted && !ui) {
      ui = loaded.mountUi({
        client,
        shadow,
        container,
        launcher: { focus: () => (opener ?? view.button).focus() },
        options,
        config,
        onOpenChange(open, panel) {
          if (open === state.expanded) return;
          state.expanded = open;
          paint();
          if (open) client.emit('open', { panel: panel ?? 'feedback' });
          else client.emit('close', {});
        },
      });
    }
    return mounted ? ui : undefined;
  }

  function open(panel?: DialogPanel): void {
    if (ui) {
      ui.open(panel);
      return;
    }
    wanted = { ...(panel ? { panel } : {}) };
    Object.assign(state, { busy: true, failed: false });
    paint();
    ensureUi().then(
      (handle) => {
        state.busy = false;
        paint();
        if (handle && wanted) handle.open(wanted.panel);
        wanted = false;
      },
      (error: unknown) => {
        Object.assign(state, { busy: false, failed: true });
        paint();
        reportError(client, error);
      },
    );
  }

  /** A click on the launcher or on the site's own button: toggle, focus going back to it. */
  function toggleFrom(element: HTMLElement): void {
    try {
      opener = element;
      if (ui) ui.toggle();
      else open();
    } catch (error) {
      reportError(client, error);
    }
  }
  const prefetch = () => ensureUi().catch(() => {});
  for (const type of ['pointerenter', 'focus', 'touchstart']) {
    view.button.addEventListener(type, prefetch, { once: true, passive: true });
  }
  view.button.addEventListener('click', () => toggleFrom(view.button));
  const triggers = watchTriggers(toggleFrom, prefetch);
  const attach = (trigger: WidgetOptions['attachTo']) => {
    try {
      triggers.set(trigger);
    } catch (error) {
      reportError(client, error);
    }
  };

  /** Ask the server for due surveys; if there are, load the UI in idle time to show them. */
  async function checkSurveys(): Promise<void> {
    if (!resolveLook(options, config).panels.includes('surveys')) return;
    try {
      const surveys = await client.surveys.eligible();
      if (!mounted || surveys.length === 0) return;
      const offer = (handle: UiHandle | undefined) => handle?.offerSurveys(surveys);
      if (ui) offer(ui);
      else whenIdle(() => ensureUi().then(offer, (error) => reportError(client, error)));
    } catch (error) {
      reportError(client, error);
    }
  }

  /**
   * A page view or an event the server has just acknowledged can make a survey due on this
   * very page (an event-targeted survey, a URL rule after a single-page navigation): ask
   * again, once for all the messages of one answer.
   */
  let recheck: ReturnType<typeof setTimeout> | undefined;
  function recheckSurveysAfter(message: Message): void {
    const newFact =
      message.type === 'page' ||
      (message.type === 'track' && message.event !== SURVEY_DISMISSED_EVENT);
    if (!newFact || !configAsked || recheck !== undefined) return;
    recheck = setTimeout(() => {
      recheck = undefined;
      void checkSurveys();
    }, 0);
  }

  /** The survey the page asked for by id, loaded with the UI, whatever its targeting. */
  async function showSurvey(surveyId: unknown): Promise<void> {
    try {
      const survey = await client.surveys.get(surveyId as string);
      const handle = await ensureUi();
      if (mounted) handle?.showSurvey(survey);
    } catch (error) {
      reportError(client, error);
    }
  }

  /** Read the site owner's config, then check for surveys: once, and only with consent. */
  function loadConfig(): void {
    if (configAsked || !mounted || client.consent !== 'granted') return;
    configAsked = true;
    client
      .config()
      .then((next) => {
        config = next;
        cache?.write(client, next);
        paint();
        ui?.setConfig(next);
      })
      .catch((error: unknown) => reportError(client, error))
      .finally(() => {
        if (mounted) void checkSurveys();
        unread.check();
      });
  }

  // The badge: only once the config was asked (consent given), and only with Messages on.
  const unread = watchUnread(
    client,
    // Asked only with consent: after optOut the visibility listener stays, and must ask nothing.
    () =>
      mounted &&
      configAsked &&
      client.consent === 'granted' &&
      resolveLook(options, config).panels.includes('inbox'),
    (count) => {
      state.unread = count;
      paint();
    },
  );

  paint();
  attach(initial.attachTo);
  const stopWaiting = attachHost(host, initial.container, client);
  const unsubscribe = [
    client.on('identify', () => void checkSurveys()),
    // Another identity has other threads: its own count.
    client.on('identify', unread.check),
    // After the call that reset: optOut forgets the user before it denies consent.
    client.on('reset', () => queueMicrotask(unread.check)),
    client.on('sent', ({ message }) => recheckSurveysAfter(message)),
    // With consent pending the widget asks the server nothing until the visitor opts in;
    // opting out forgets the kept config.
    client.on('consent', () => {
      if (client.consent !== 'granted') cache?.write(client, undefined);
      loadConfig();
    }),
  ];
  // The config and the survey check start in the next task: nothing on the way to the
  // launcher waits for the network.
  const configTimer = setTimeout(loadConfig, 0);
  // Opt-in: a single-page app's navigations become page views, as a full load would be.
  const stopNavigation = initial.trackPages
    ? watchNavigation(guard(client, () => client.page()))
    : () => {};

  return {
    host,
    open(panel?: DialogPanel | 'survey', surveyId?: string) {
      if (panel === 'survey') return void showSurvey(surveyId);
      // Opened from page code: focus goes back to where it was (the page's own button).
      const focused = document.activeElement;
      opener =
        focused instanceof HTMLElement && focused !== document.body && focused !== host
          ? focused
          : undefined;
      open(panel);
    },
    close() {
      wanted = false;
      ui?.close();
    },
    update(next) {
      options = { ...options, ...next };
      if (next && 'attachTo' in next) attach(next.attachTo);
      paint();
      if (!ui) return;
      loader.load(resolveLook(options, config).locale).then(
        () => ui?.update(options),
        () => ui?.update(options),
      );
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      stopWaiting();
      clearTimeout(configTimer);
      clearTimeout(recheck);
      stopNavigation();
      for (const off of unsubscribe) off();
      unread.stop();
      triggers.stop();
      ui?.unmount();
      host.remove();
    },
  };
}
