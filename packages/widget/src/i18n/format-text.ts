// Apart from the strings (`index.ts` holds the English table) so that the launcher in
// rapport.js can say "2 unread replies" without shipping the UI's strings.

const PLURAL_FORM = /^(zero|one|two|few|many|other):/;

/**
 * Fill `{name}` placeholders; numbers are written the locale's way (`12,500`, `12 500`).
 * A template made of plural forms, `one:{n} point|other:{n} points`, picks the form that
 * `Intl.PluralRules` gives for `n` (falling back to `other`). Values are inserted as text,
 * never as markup.
 * @example format('one:{n} point|other:{n} points', { n: 12500 }, 'en') // '12,500 points'
 */
export function format(
  template: string,
  values: Record<string, string | number>,
  locale = 'en',
): string {
  let text = template;
  const forms = template.split('|');
  if (forms.length > 1 && forms.every((form) => PLURAL_FORM.test(form))) {
    const n = values.n;
    const wanted =
      typeof n === 'number'
        ? cached(pluralRules, locale, (tag) => new Intl.PluralRules(tag)).select(n)
        : 'other';
    const pick = (category: string) =>
      forms.find((form) => form.startsWith(`${category}:`))?.replace(PLURAL_FORM, '');
    text = pick(wanted) ?? pick('other') ?? template;
  }
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
}

/** A number the locale's way: `formatNumber(12500, 'fr')` is `12 500`. */
export function formatNumber(value: number, locale: string): string {
  return cached(numberFormats, locale, (tag) => new Intl.NumberFormat(tag)).format(value);
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** One formatter per locale; an invalid tag falls back to English instead of throwing. */
function cached<T>(cache: Map<string, T>, locale: string, make: (tag: string) => T): T {
  let formatter = cache.get(locale);
  if (!formatter) {
    try {
      formatter = make(locale);
    } catch {
      formatter = make('en');
    }
    cache.set(locale, formatter);
  }
  return formatter;
}
