/**
 * The vocabulary of trait targeting (a survey shown only to people whose verified traits
 * match): the operators and their bounds. Plain values, no zod: the console builds its rule
 * editor from them, `schemas/trait-rules.ts` builds the schema, the server decides with them.
 */

/**
 * How a rule compares the person's trait with the rule's value.
 * - `eq` / `neq`: the trait is (is not) exactly the value: a string, number or boolean,
 *   compared without conversion (`5` is not `"5"`).
 * - `in`: the trait is one of the listed values.
 * - `contains`: a string trait holds the value as a substring (case-sensitive), or a list
 *   trait holds it as a member.
 * - `gt` / `lt`: a number trait (or a string that is a finite number, `"42"`) is greater
 *   (less) than the numeric value.
 * - `exists`: the trait is set (with `value: false`, that it is not).
 *
 * A trait the person lacks matches no rule but `exists: false`.
 */
export const TRAIT_RULE_OPS = ['eq', 'neq', 'in', 'contains', 'gt', 'lt', 'exists'] as const;

/** Whether every rule must match (`all`) or one is enough (`any`). */
export const TRAIT_RULE_MATCHES = ['all', 'any'] as const;

/** Bounds of `targeting.traits`, enforced by its schema and named by the console's editor. */
export const TRAIT_RULE_LIMITS = {
  /** Most rules on one survey. */
  rules: 20,
  /** Most values in one `in` list. */
  inValues: 50,
  /** Longest string value, in characters. */
  valueLength: 200,
} as const;
