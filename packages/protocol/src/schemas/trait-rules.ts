import { z } from 'zod';
import { MAX_OBJECT_KEY_LENGTH } from '../limits';
import { TRAIT_RULE_LIMITS, TRAIT_RULE_MATCHES } from '../trait-rules';

const traitSchema = z.string().min(1).max(MAX_OBJECT_KEY_LENGTH);
const scalarSchema = z.union([
  z.string().max(TRAIT_RULE_LIMITS.valueLength),
  z.number().finite(),
  z.boolean(),
]);

/**
 * One condition on a verified trait, typed by its operator (see `TRAIT_RULE_OPS` for what
 * each one means): `gt`/`lt` take a number, `in` a list, `contains` a string, `exists` an
 * optional boolean.
 * @example { trait: 'plan', op: 'eq', value: 'pro' }
 */
export const traitRuleSchema = z.discriminatedUnion('op', [
  z.object({ trait: traitSchema, op: z.literal('eq'), value: scalarSchema }),
  z.object({ trait: traitSchema, op: z.literal('neq'), value: scalarSchema }),
  z.object({
    trait: traitSchema,
    op: z.literal('in'),
    value: z.array(scalarSchema).min(1).max(TRAIT_RULE_LIMITS.inValues),
  }),
  z.object({
    trait: traitSchema,
    op: z.literal('contains'),
    value: z.string().min(1).max(TRAIT_RULE_LIMITS.valueLength),
  }),
  z.object({ trait: traitSchema, op: z.literal('gt'), value: z.number().finite() }),
  z.object({ trait: traitSchema, op: z.literal('lt'), value: z.number().finite() }),
  z.object({ trait: traitSchema, op: z.literal('exists'), value: z.boolean().default(true) }),
]);

/**
 * `targeting.traits`: rules on the person's verified traits, all of which (`match: 'all'`)
 * or one of which (`'any'`) must hold. A survey with rules is shown only to a user proven by
 * a valid `userHash`, never to a visitor who merely claims traits.
 * @example { match: 'all', rules: [{ trait: 'plan', op: 'eq', value: 'pro' }] }
 */
export const traitTargetingSchema = z.object({
  match: z.enum(TRAIT_RULE_MATCHES).default('all'),
  rules: z.array(traitRuleSchema).min(1).max(TRAIT_RULE_LIMITS.rules),
});

export type TraitRule = z.infer<typeof traitRuleSchema>;
export type TraitRuleOp = TraitRule['op'];
export type TraitTargeting = z.infer<typeof traitTargetingSchema>;
