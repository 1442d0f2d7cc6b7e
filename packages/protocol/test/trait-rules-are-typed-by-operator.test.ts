import { describe, expect, it } from 'vitest';
import { placeholderNames, TRAIT_RULE_OPS } from '../src/index';
import { surveyInputSchema, traitRuleSchema, traitTargetingSchema } from '../src/schemas/index';

describe('trait rules', () => {
  it('accept each operator with the value type it compares', () => {
    const valid = [
      { trait: 'plan', op: 'eq', value: 'pro' },
      { trait: 'seats', op: 'eq', value: 12 },
      { trait: 'beta', op: 'neq', value: true },
      { trait: 'plan', op: 'in', value: ['team', 'pro', 3] },
      { trait: 'tags', op: 'contains', value: 'eu' },
      { trait: 'seats', op: 'gt', value: 10 },
      { trait: 'seats', op: 'lt', value: 2.5 },
      { trait: 'plan', op: 'exists', value: false },
    ];
    for (const rule of valid) expect(traitRuleSchema.parse(rule)).toEqual(rule);
    expect(new Set(valid.map((rule) => rule.op))).toEqual(new Set(TRAIT_RULE_OPS));
    expect(traitRuleSchema.parse({ trait: 'plan', op: 'exists' })).toEqual({
      trait: 'plan',
      op: 'exists',
      value: true,
    });
  });

  it('refuse a value of the wrong type, an unknown operator and empty or oversized lists', () => {
    const invalid = [
      { trait: 'seats', op: 'gt', value: '10' },
      { trait: 'seats', op: 'lt', value: Number.POSITIVE_INFINITY },
      { trait: 'plan', op: 'in', value: [] },
      { trait: 'plan', op: 'in', value: Array.from({ length: 51 }, (_, i) => i) },
      { trait: 'plan', op: 'in', value: [{ nested: true }] },
      { trait: 'tags', op: 'contains', value: '' },
      { trait: 'plan', op: 'eq', value: null },
      { trait: 'plan', op: 'eq', value: 'x'.repeat(201) },
      { trait: 'plan', op: 'like', value: 'pro' },
      { trait: '', op: 'eq', value: 'pro' },
    ];
    for (const rule of invalid) expect(traitRuleSchema.safeParse(rule).success).toBe(false);
    const rule = { trait: 'plan', op: 'eq', value: 'pro' };
    expect(traitTargetingSchema.safeParse({ rules: [] }).success).toBe(false);
    expect(traitTargetingSchema.safeParse({ rules: Array(21).fill(rule) }).success).toBe(false);
    expect(traitTargetingSchema.parse({ rules: [rule] }).match).toBe('all');
  });

  it('sit in a survey’s targeting beside the other conditions', () => {
    const survey = surveyInputSchema.parse({
      name: 'Pro NPS',
      type: 'nps',
      question: 'Recommend us?',
      targeting: {
        urlContains: '/app',
        traits: { match: 'any', rules: [{ trait: 'plan', op: 'exists' }] },
      },
    });
    expect(survey.targeting?.traits?.rules).toEqual([{ trait: 'plan', op: 'exists', value: true }]);
  });
});

describe('trait placeholders', () => {
  it('name each trait once, with or without a fallback, and nothing else in braces', () => {
    expect(placeholderNames('Hi {firstName|there}, {plan} · {firstName}')).toEqual([
      'firstName',
      'plan',
    ]);
    expect(placeholderNames('No {braces here}, {|x} or {a-b}')).toEqual([]);
  });
});
