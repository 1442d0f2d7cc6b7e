import { en, type TextKey, type Texts } from './en';
import { resolveLocale } from './launcher-texts';

export { format, formatNumber } from './format-text';
export type { TextKey, Texts };
export { resolveLocale };

/**
 * Locales the UI has strings for. English is built in; the others arrive one at a time as
 * chunks (see `chunks.ts`) and are added with {@link addLocale} before they are used.
 */
export const LOCALES: Record<string, Texts> = { en };

/** Make a built-in locale's strings available (its chunk has loaded). */
export function addLocale(tag: string, texts: Texts): void {
  LOCALES[tag] = texts;
}

/**
 * The strings for a locale with overrides laid on top, later ones winning.
 * Unknown keys and non-string values in overrides are ignored.
 */
export function buildTexts(
  locale: string,
  ...overrides: Array<Record<string, unknown> | undefined>
): Texts {
  const texts: Texts = { ...(LOCALES[resolveLocale(locale)] ?? en) };
  for (const layer of overrides) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (key in en && typeof value === 'string') texts[key as TextKey] = value;
    }
  }
  return texts;
}
