import { en, type TextKey, type Texts } from './en';
import { fr } from './fr';

export type { TextKey, Texts };

/** Built-in locales. Add one by passing every string through the `texts` option. */
export const LOCALES: Record<string, Texts> = { en, fr };

/**
 * Pick the built-in strings for a BCP 47 tag (`fr-CA` → `fr`), English when unknown.
 * @example resolveLocale('fr-BE') // 'fr'
 */
export function resolveLocale(tag: string | undefined): string {
  const base = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return base in LOCALES ? base : 'en';
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

/**
 * Fill `{name}` placeholders. Values are inserted as text, never as markup.
 * @example format('{n} points to {tier}', { n: 120, tier: 'Gold' }) // '120 points to Gold'
 */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
