import type { RapportClient } from '@rapport/sdk';
import { reportError } from '../actions/report-error';
import type { Texts } from '../i18n/en';
import { resolveLocale } from '../i18n/launcher-texts';
import type { ChunkLoader, UiModule } from '../ui-contract';
import { loadWithRetry } from './load-with-retry';

/**
 * Loads the UI chunk once and each locale's strings once, each retried on failure. A load
 * that failed every try is forgotten, so the next intent (a click) tries again.
 */
export function createUiLoader(
  chunks: ChunkLoader,
  client: RapportClient,
  retryDelays?: readonly number[],
) {
  let module: Promise<UiModule> | undefined;
  const locales = new Map<string, Promise<Texts | undefined>>();

  function ui(): Promise<UiModule> {
    if (!module) {
      const loading = loadWithRetry(() => chunks.ui(), retryDelays);
      module = loading;
      loading.catch(() => {
        if (module === loading) module = undefined;
      });
    }
    return module;
  }

  /** The locale's strings, or undefined for English and when they could not load. */
  function strings(tag: string): Promise<Texts | undefined> {
    if (tag === 'en') return Promise.resolve(undefined);
    let texts = locales.get(tag);
    if (!texts) {
      // A locale that does not load leaves the widget usable in English: report, do not fail.
      texts = loadWithRetry(() => chunks.locale(tag), retryDelays).catch((error: unknown) => {
        locales.delete(tag);
        reportError(client, error);
        return undefined;
      });
      locales.set(tag, texts);
    }
    return texts;
  }

  return {
    /** The UI module with the strings of `locale` added; both chunks load in parallel. */
    async load(locale: string): Promise<UiModule> {
      const tag = resolveLocale(locale);
      const [loaded, texts] = await Promise.all([ui(), strings(tag)]);
      if (texts) loaded.addLocale(tag, texts);
      return loaded;
    },
  };
}
