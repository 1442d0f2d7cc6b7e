import {
  GREETING_TRAIT,
  MAX_DISPLAY_TRAIT_LENGTH,
  placeholderNames,
  type Tier,
  type WidgetConfig,
} from '@rapport/protocol';
import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { verifiedTraitsOf } from './user-traits';

type DisplayValue = string | number | boolean;

/** Every placeholder name in the site's widget texts (all languages) and tier greetings. */
export function namedTraits(config: WidgetConfig, tiers: Tier[]): Set<string> {
  const texts = [
    ...Object.values(config.texts),
    ...Object.values(config.textsByLocale ?? {}).flatMap((layer) => Object.values(layer)),
    ...tiers.flatMap((tier) => (tier.greeting ? [tier.greeting] : [])),
  ];
  return new Set([GREETING_TRAIT, ...texts.flatMap(placeholderNames)]);
}

/**
 * The verified traits of a proven user that the widget may show: only those the site's texts
 * name (the widget needs no other), only scalars (a list or an object has no text form), long
 * strings cut. Call it only for a user whose userHash the request verified.
 */
export async function displayTraitsOf(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
  names: Set<string>,
): Promise<Record<string, DisplayValue>> {
  const traits = await verifiedTraitsOf(db, projectId, userId);
  const shown: Record<string, DisplayValue> = {};
  for (const name of names) {
    const value = traits[name];
    if (typeof value === 'string') shown[name] = value.slice(0, MAX_DISPLAY_TRAIT_LENGTH);
    else if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      shown[name] = value;
    }
  }
  return shown;
}
