import { z } from 'zod';
import { idSchema, labelSchema, userHashSchema, userIdSchema } from './fields';

export const tierSchema = z.object({
  name: labelSchema,
  /** Lifetime points needed to reach this tier. */
  threshold: z.number().int().min(0),
});

export const rewardInputSchema = z.object({
  id: idSchema.optional(),
  name: labelSchema,
  cost: z.number().int().min(1).max(100_000_000),
  description: z.string().max(2000).optional(),
  active: z.boolean().default(true),
});
export const rewardSchema = rewardInputSchema.extend({ id: idSchema });
export const rewardPatchSchema = rewardInputSchema.partial().omit({ id: true });

/** One way a customer can earn points, shown in the widget. */
export const wayToEarnSchema = z.object({ label: labelSchema, points: z.number().int() });

export const loyaltyActivitySchema = z.object({
  id: z.string(),
  points: z.number().int(),
  reason: z.string(),
  createdAt: z.string(),
});

/** `GET /v1/loyalty` — the signed-in customer's loyalty account. */
export const loyaltyViewSchema = z.object({
  balance: z.number().int().min(0),
  lifetimePoints: z.number().int().min(0),
  tier: tierSchema.nullable(),
  nextTier: tierSchema.nullable(),
  /** Progress from the current tier's threshold to the next one, 0–1 (1 at the top tier). */
  progress: z.number().min(0).max(1),
  /** Lifetime points still needed for `nextTier`; 0 at the top tier. */
  pointsToNextTier: z.number().int().min(0),
  rewards: z.array(rewardSchema),
  waysToEarn: z.array(wayToEarnSchema),
  activity: z.array(loyaltyActivitySchema),
  referralCode: z.string(),
});

export const personalQuerySchema = z.object({
  userId: userIdSchema,
  userHash: userHashSchema,
});

export const redeemRequestSchema = z.object({
  /** Client id of this redemption; the same id twice redeems once. */
  id: idSchema,
  userId: userIdSchema,
  userHash: userHashSchema,
  rewardId: idSchema,
});

export const redeemResponseSchema = z.object({
  id: idSchema,
  rewardId: idSchema,
  cost: z.number().int(),
  balance: z.number().int().min(0),
  /** True when this id had already been redeemed; nothing was charged again. */
  duplicate: z.boolean(),
});

/** `POST /v1/admin/loyalty/earn` — add (or, negative, deduct) points. */
export const earnRequestSchema = z.object({
  id: idSchema,
  userId: userIdSchema,
  points: z
    .number()
    .int()
    .min(-100_000_000)
    .max(100_000_000)
    .refine((value) => value !== 0, 'must not be 0'),
  reason: labelSchema,
});

export const memberSchema = z.object({
  userId: z.string(),
  balance: z.number().int(),
  lifetimePoints: z.number().int(),
  tier: tierSchema.nullable(),
  activity: z.array(loyaltyActivitySchema),
});

export type Tier = z.infer<typeof tierSchema>;
export type RewardInput = z.input<typeof rewardInputSchema>;
export type Reward = z.infer<typeof rewardSchema>;
export type WayToEarn = z.infer<typeof wayToEarnSchema>;
export type LoyaltyActivity = z.infer<typeof loyaltyActivitySchema>;
export type LoyaltyView = z.infer<typeof loyaltyViewSchema>;
export type RedeemRequest = z.infer<typeof redeemRequestSchema>;
export type RedeemResponse = z.infer<typeof redeemResponseSchema>;
export type EarnRequest = z.infer<typeof earnRequestSchema>;
export type Member = z.infer<typeof memberSchema>;
