import { describe, expect, it } from 'vitest';
import {
  earnRequestSchema,
  redeemRequestSchema,
  surveyInputSchema,
  widgetConfigSchema,
} from '../src/schemas/index';
import { DEFAULT_ACCENT } from '../src/widget-defaults';

const hash = 'a'.repeat(64);

describe('resource schemas', () => {
  it('fills survey defaults and rejects impossible sampling', () => {
    const survey = surveyInputSchema.parse({ name: 'NPS', type: 'nps', question: 'How likely…?' });
    expect(survey).toMatchObject({ samplePercent: 100, recontactDays: 90, active: true });
    const bad = surveyInputSchema.safeParse({
      name: 'n',
      type: 'nps',
      question: 'q',
      samplePercent: 101,
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['samplePercent']);
  });

  it('requires a redeem to carry an id, the user and a well-formed hash', () => {
    expect(
      redeemRequestSchema.safeParse({ id: 'r1', userId: 'u', userHash: hash, rewardId: 'w' })
        .success,
    ).toBe(true);
    const missing = redeemRequestSchema.safeParse({ userId: 'u', userHash: 'zz', rewardId: 'w' });
    expect(missing.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'id',
      'userHash',
    ]);
  });

  it('refuses to earn zero points', () => {
    expect(
      earnRequestSchema.safeParse({ id: 'e', userId: 'u', points: 0, reason: 'r' }).success,
    ).toBe(false);
    expect(
      earnRequestSchema.safeParse({ id: 'e', userId: 'u', points: -5, reason: 'r' }).success,
    ).toBe(true);
  });

  it('accepts only known panels in the widget config', () => {
    const config = {
      projectName: 'Demo',
      theme: { mode: 'auto', accent: DEFAULT_ACCENT },
      position: 'bottom-right',
      panels: ['feedback', 'loyalty'],
      texts: {},
    };
    expect(widgetConfigSchema.safeParse(config).success).toBe(true);
    expect(widgetConfigSchema.safeParse({ ...config, panels: ['chat'] }).success).toBe(false);
  });
});
