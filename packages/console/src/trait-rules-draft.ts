/**
 * The survey form's trait rules as typed, their checks (mirroring `traitRuleSchema`, so most
 * mistakes are named before the round trip) and the `targeting.traits` they become. Pure
 * functions, no Preact: tested through the form and used by it.
 */
import {
  MAX_OBJECT_KEY_LENGTH,
  TRAIT_RULE_LIMITS,
  type TraitRule,
  type TraitRuleOp,
  type TraitTargeting,
} from '@rapport/protocol';

/** What the condition list offers: the protocol's operators, `exists: false` as `absent`. */
export type RuleCondition = Exclude<TraitRuleOp, 'exists'> | 'present' | 'absent';

/** The conditions in the order the select lists them, with the words it shows. */
export const RULE_CONDITIONS: ReadonlyArray<[RuleCondition, string]> = [
  ['eq', 'is'],
  ['neq', 'is not'],
  ['in', 'is one of'],
  ['contains', 'contains'],
  ['gt', 'is more than'],
  ['lt', 'is less than'],
  ['present', 'is set'],
  ['absent', 'is not set'],
];

/** One rule as typed: the value stays text until the condition says what it must be. */
export interface TraitRuleDraft {
  trait: string;
  condition: RuleCondition;
  value: string;
}

/** Where a rule's problem belongs, as the server's `details[].path` names it. */
export type TraitRuleField = `targeting.traits.rules.${number}.${'trait' | 'value'}`;

export const emptyRule = (): TraitRuleDraft => ({ trait: '', condition: 'eq', value: '' });

/** Whether the condition takes a value at all (`is set` and `is not set` do not). */
export function takesValue(condition: RuleCondition): boolean {
  return condition !== 'present' && condition !== 'absent';
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const QUOTED = /^"(.*)"$/s;

/** A typed value: numbers and true/false as such, text otherwise ("12" in quotes stays text). */
function scalarOf(text: string): string | number | boolean {
  const value = text.trim();
  const quoted = QUOTED.exec(value);
  if (quoted) return quoted[1] ?? '';
  if (NUMBER.test(value)) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

/** A stored value as the field shows it: text that would read as a number gets quotes. */
function textOf(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return NUMBER.test(value.trim()) || value === 'true' || value === 'false' ? `"${value}"` : value;
}

const listOf = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The drafts of stored rules, for editing. */
export function ruleDraftsOf(traits: TraitTargeting | undefined): TraitRuleDraft[] {
  return (traits?.rules ?? []).map((rule) => {
    if (rule.op === 'exists') {
      return { trait: rule.trait, condition: rule.value ? 'present' : 'absent', value: '' };
    }
    const value = Array.isArray(rule.value) ? rule.value.map(textOf).join(', ') : rule.value;
    return { trait: rule.trait, condition: rule.op, value: textOf(value) };
  });
}

function valueProblem(rule: TraitRuleDraft): string | undefined {
  const text = rule.value.trim();
  if (!takesValue(rule.condition)) return undefined;
  if (rule.condition === 'gt' || rule.condition === 'lt') {
    return NUMBER.test(text) ? undefined : 'Enter a number, like 10 or 2.5.';
  }
  if (!text) return 'Enter the value to compare with.';
  if (rule.condition === 'in') {
    const count = listOf(text).length;
    if (count > TRAIT_RULE_LIMITS.inValues) {
      return `List at most ${TRAIT_RULE_LIMITS.inValues} values (this has ${count}).`;
    }
    return undefined;
  }
  return text.length > TRAIT_RULE_LIMITS.valueLength
    ? `Use at most ${TRAIT_RULE_LIMITS.valueLength} characters (this has ${text.length}).`
    : undefined;
}

/** Every problem of the rules, by field. */
export function ruleProblems(rules: TraitRuleDraft[]): Partial<Record<TraitRuleField, string>> {
  const problems: Partial<Record<TraitRuleField, string>> = {};
  for (const [index, rule] of rules.entries()) {
    const trait = rule.trait.trim();
    if (!trait) problems[`targeting.traits.rules.${index}.trait`] = 'Name the trait, like plan.';
    else if (trait.length > MAX_OBJECT_KEY_LENGTH) {
      problems[`targeting.traits.rules.${index}.trait`] =
        `Use at most ${MAX_OBJECT_KEY_LENGTH} characters (this has ${trait.length}).`;
    }
    const value = valueProblem(rule);
    if (value) problems[`targeting.traits.rules.${index}.value`] = value;
  }
  return problems;
}

/** The fields of the rules in form order, for focusing the first problem. */
export function ruleFields(rules: TraitRuleDraft[]): TraitRuleField[] {
  return rules.flatMap((_, index) => [
    `targeting.traits.rules.${index}.trait` as const,
    `targeting.traits.rules.${index}.value` as const,
  ]);
}

function ruleOf({ trait: typed, condition, value }: TraitRuleDraft): TraitRule {
  const trait = typed.trim();
  switch (condition) {
    case 'present':
    case 'absent':
      return { trait, op: 'exists', value: condition === 'present' };
    case 'gt':
    case 'lt':
      return { trait, op: condition, value: Number(value.trim()) };
    case 'contains':
      return { trait, op: condition, value: value.trim() };
    case 'in':
      return { trait, op: condition, value: listOf(value).map(scalarOf) };
    default:
      return { trait, op: condition, value: scalarOf(value) };
  }
}

/** `targeting.traits` for checked rules; undefined when there are none. */
export function traitTargetingOf(
  match: TraitTargeting['match'],
  rules: TraitRuleDraft[],
): TraitTargeting | undefined {
  return rules.length > 0 ? { match, rules: rules.map(ruleOf) } : undefined;
}
