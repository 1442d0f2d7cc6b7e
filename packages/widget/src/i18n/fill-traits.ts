import { GREETING_TRAIT, placeholderNames, TRAIT_PLACEHOLDER } from '@rapport/protocol';
import { en, type TextKey, type Texts } from './en';

/** The verified traits the server hands a proven customer for display (`LoyaltyView.traits`). */
export type DisplayTraits = Record<string, string | number | boolean>;

/** Marks where a placeholder left nothing (a private-use character), so spaces around it can go. */
const GAP = '\uE000';
const NONE: ReadonlySet<string> = new Set();

/**
 * Fill the trait placeholders of a text: `{firstName}` with the trait, `{firstName|there}` with
 * the trait or, when it is not set, the text after `|`; without a fallback a missing trait
 * leaves nothing, and the space before it goes too ("Hi {firstName}!" reads "Hi!"). Names in `keep` are the widget's own values (`{n}`, `{tier}`),
 * left for {@link format}. The result is a string Preact inserts as text: a trait holding
 * markup stays visible characters, never HTML.
 *
 * @example fillTraits('Hi {firstName|there}', { firstName: 'Ana' }) // 'Hi Ana'
 * @example fillTraits('Hi {firstName|there}', {}) // 'Hi there'
 */
export function fillTraits(
  text: string,
  traits: DisplayTraits | undefined,
  keep: ReadonlySet<string> = NONE,
): string {
  if (!text.includes('{')) return text;
  const filled = text.replace(TRAIT_PLACEHOLDER, (match, name: string, fallback?: string) => {
    if (keep.has(name)) return match;
    const value = traits?.[name];
    const shown = value === undefined || value === '' ? (fallback ?? '') : String(value);
    return shown === '' ? GAP : shown;
  });
  // A gap takes the spaces before it ("Bonjour {firstName|} !" reads "Bonjour !"), or after
  // it at the start of the text.
  return filled.replace(/^[ \t]*\uE000[ \t]*/, '').replace(/[ \t]*\uE000/g, '');
}

let widgetNames: Map<string, Set<string>> | undefined;

/**
 * The names the widget fills itself in a built-in text (`{n}` in `points`), which a trait never
 * replaces; `firstName` is always a trait, even in the built-in greetings.
 */
export function widgetNamesOf(key: TextKey): ReadonlySet<string> {
  widgetNames ??= new Map(
    Object.entries(en).map(([name, text]) => [
      name,
      new Set(placeholderNames(text).filter((used) => used !== GREETING_TRAIT)),
    ]),
  );
  return widgetNames.get(key) ?? NONE;
}

/** Every text with its trait placeholders filled (the site owner's titles, the greetings). */
export function personalTexts(texts: Texts, traits: DisplayTraits | undefined): Texts {
  const filled = { ...texts };
  for (const key of Object.keys(texts) as TextKey[]) {
    filled[key] = fillTraits(texts[key], traits, widgetNamesOf(key));
  }
  return filled;
}

/** Whether any text names a trait, so the customer's traits are worth reading. */
export function namesTraits(texts: Texts): boolean {
  return (Object.keys(texts) as TextKey[]).some((key) => {
    const keep = widgetNamesOf(key);
    return placeholderNames(texts[key]).some((name) => !keep.has(name));
  });
}
