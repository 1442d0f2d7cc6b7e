/**
 * Entry of `dist/rapport.js`, the script-tag build. Reads its settings from its own
 * `<script data-key data-api …>`, starts the client (fetchTransport, beacon on pagehide) and
 * the launcher, replays what the inline stub queued, and leaves `window.rapport` as the
 * command function — the only global this build creates. The dialog and panels load later as
 * content-hashed chunks from the same folder (see loader/script-chunks.ts).
 */
import { type ConsentState, createClientWith, fetchTransport } from '@rapport/sdk';
import { storedConfigCache } from './core/config-cache';
import { createMount } from './core/create-mount';
import {
  createCommandApi,
  type InitSettings,
  type RapportCommand,
  replayQueue,
} from './loader/command-api';
import { type Queue, queuedCalls } from './loader/queued-calls';
import { type ChunkFiles, chunkBase, scriptChunks } from './loader/script-chunks';
import type { WidgetPanel, WidgetPosition, WidgetTheme } from './options';

declare global {
  interface Window {
    rapport?: RapportCommand & { q?: Queue };
  }
}

// The global *binding* `rapport`, which is window.rapport unless the page declared its own.
declare const rapport: { q?: Queue } | undefined;
/** The chunks' hashed file names, defined by scripts/build.mjs. */
declare const __RAPPORT_CHUNKS__: ChunkFiles;

/** Settings from the script tag's data attributes; only the ones present are set. */
export function settingsFromScript(script: HTMLScriptElement | null): Partial<InitSettings> {
  if (!script) return {};
  const data = script.dataset;
  const settings: Partial<InitSettings> = {};
  if (data.key) settings.key = data.key;
  // Without data-api the server is the one that served this script: the demo (and any site
  // loading rapport.js from its Rapport server) then follows PORT instead of a fixed address.
  const origin = script.src && URL.canParse(script.src) ? new URL(script.src).origin : undefined;
  if (data.api) settings.api = data.api;
  else if (origin && origin !== 'null') settings.api = origin;
  if (data.chunks) settings.chunkBase = data.chunks;
  if (data.position) settings.position = data.position as WidgetPosition;
  if (data.theme) settings.theme = data.theme as WidgetTheme;
  if (data.accent) settings.accent = data.accent;
  if (data.locale) settings.locale = data.locale;
  if (data.panels) settings.panels = data.panels.split(/[\s,]+/) as WidgetPanel[];
  if (data.consent) settings.consent = data.consent as ConsentState;
  if (data.launcher === 'false') settings.launcher = false;
  if (data.attachTo) settings.attachTo = data.attachTo;
  if (data.trackPages === 'true') settings.trackPages = true;
  // A script allowed by a nonce passes the same nonce to the chunks and styles it adds.
  if (script.nonce) settings.nonce = script.nonce;
  return settings;
}

try {
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[data-key]');
  const queue = queuedCalls(
    window.rapport?.q,
    typeof rapport === 'undefined' ? undefined : rapport?.q,
  );
  // Plain fetch instead of the SDK's ky default: the outbox owns retries, so ky would add
  // ~4 KB brotli for nothing. The beacon still carries pending messages on pagehide.
  const createClient = createClientWith(fetchTransport);
  const cache = storedConfigCache();
  const api = createCommandApi((settings) => {
    const { key, api: endpoint, chunkBase: base, consent, beforeSend, ...options } = settings;
    const client = createClient({ key, endpoint, consent, beforeSend });
    const chunks = scriptChunks(chunkBase(base, script?.src), options.nonce, __RAPPORT_CHUNKS__);
    return { client, widget: createMount(chunks, undefined, cache)(client, options) };
  });
  window.rapport = api;
  replayQueue(api, queue, settingsFromScript(script));
} catch (error) {
  console.warn('[rapport]', error);
}
