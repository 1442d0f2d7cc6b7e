import type { TraitRule, TraitTargeting } from '@rapport/protocol';

/** A number trait, or a string that is a finite number (`"42"`); otherwise undefined. */
function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** Whether one rule holds for the traits (operators documented at `TRAIT_RULE_OPS`). */
export function matchesRule(rule: TraitRule, traits: Record<string, unknown>): boolean {
  const present = Object.hasOwn(traits, rule.trait) && traits[rule.trait] !== null;
  if (rule.op === 'exists') return present === rule.value;
  if (!present) return false;
  const trait = traits[rule.trait];
  switch (rule.op) {
    case 'eq':
      return trait === rule.value;
    case 'neq':
      return trait !== rule.value;
    case 'in':
      return rule.value.some((value) => value === trait);
    case 'contains':
      if (typeof trait === 'string') return trait.includes(rule.value);
      return Array.isArray(trait) && trait.includes(rule.value);
    case 'gt':
    case 'lt': {
      const n = numeric(trait);
      if (n === undefined) return false;
      return rule.op === 'gt' ? n > rule.value : n < rule.value;
    }
  }
}

/**
 * Whether a survey's trait rules let the person see it. `traits` is undefined for anyone not
 * proven by a valid userHash: such a visitor never passes rules, whatever they claimed.
 */
export function passesTraitRules(
  targeting: TraitTargeting | undefined,
  traits: Record<string, unknown> | undefined,
): boolean {
  if (!targeting) return true;
  if (!traits) return false;
  const match = (rule: TraitRule) => matchesRule(rule, traits);
  return targeting.match === 'any' ? targeting.rules.some(match) : targeting.rules.every(match);
}
