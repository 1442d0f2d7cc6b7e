/**
 * Placeholders for a proven user's verified traits in the texts a site owner writes for the
 * widget (its title, a tier's greeting): `{firstName}`, or `{firstName|there}` with the text
 * shown when the trait is not set — "Hi {firstName|there}" reads "Hi Ana" or "Hi there". The
 * server reads the names to deliver only those traits; the widget fills them, as text.
 */

/** `{name}` or `{name|fallback}`; the fallback may not hold braces. */
export const TRAIT_PLACEHOLDER = /\{(\w+)(?:\|([^{}]*))?\}/g;

/** The trait every default greeting uses, delivered even when no text names it. */
export const GREETING_TRAIT = 'firstName';

/** Longest trait value delivered for display, in characters; longer ones are cut. */
export const MAX_DISPLAY_TRAIT_LENGTH = 200;

/**
 * The names a text's placeholders use, in order, without repeats.
 * @example placeholderNames('Hi {firstName|there}, {plan} member') // ['firstName', 'plan']
 */
export function placeholderNames(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(TRAIT_PLACEHOLDER), (match) => match[1] ?? ''))];
}
