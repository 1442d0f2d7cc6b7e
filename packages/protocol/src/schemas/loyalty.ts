import { z } from 'zod';
import { MAX_ID_LENGTH } from '../limits';
import {
  MAX_REWARD_CODE_LENGTH,
  MAX_REWARD_CODES_PER_REQUEST,
  MAX_REWARD_PER_CUSTOMER,
  MAX_REWARD_STOCK,
  MEMBER_SORTS,
  REDEMPTION_STATUSES,
} from '../loyalty';
import { idSchema, labelSchema, userHashSchema, userIdSchema } from './fields';

export const tierSchema = z.object({
  name: labelSchema,
  /** Lifetime points needed to reach this tier. */
  threshold: z.number().int().min(0),
  /**
   * Shown at the top of the loyalty panel to members of this tier, with trait placeholders
   * (`Hi {firstName|there}, welcome to Gold`); absent: the widget's default greeting.
   */
  greeting: labelSchema.optional(),
});

export const rewardInputSchema = z.object({
  id: idSchema.optional(),
  name: labelSchema,
  cost: z.number().int().min(1).max(100_000_000),
  description: z.string().max(2000).optional(),
  active: z.boolean().default(true),
  /** Units left to redeem; null or absent is unlimited. Ignored while `usesCodes`. */
  stock: z.number().int().min(0).max(MAX_REWARD_STOCK).nullable().optional(),
  /** Redemptions one customer may make of this reward; null or absent is no limit. */
  perCustomerLimit: z.number().int().min(1).max(MAX_REWARD_PER_CUSTOMER).nullable().optional(),
  /** Each redemption hands out one of the reward's codes; none left is out of stock. */
  usesCodes: z.boolean().optional(),
});
/**
 * A reward as the APIs show it. With `usesCodes`, `stock` is the number of codes not handed
 * out yet.
 */
export const rewardSchema = rewardInputSchema.extend({ id: idSchema });
export const rewardPatchSchema = rewardInputSchema.partial().omit({ id: true });

const rewardCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(MAX_REWARD_CODE_LENGTH)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

/**
 * `POST /v1/admin/loyalty/rewards/:id/codes`: a list of codes to add (from the shop's own
 * system), or how many to generate. A code already on the reward is skipped.
 */
export const rewardCodesInputSchema = z.union([
  z.object({ codes: z.array(rewardCodeSchema).min(1).max(MAX_REWARD_CODES_PER_REQUEST) }).strict(),
  z.object({ generate: z.number().int().min(1).max(MAX_REWARD_CODES_PER_REQUEST) }).strict(),
]);

/** The answer: how many were added, skipped as already there, and free now. */
export const rewardCodesAddedSchema = z.object({
  added: z.number().int(),
  skipped: z.number().int(),
  available: z.number().int(),
  /** The generated codes, for the shop's checkout to accept; absent for an uploaded list. */
  generated: z.array(z.string()).optional(),
});

/** `GET /v1/admin/loyalty/rewards/:id/codes`: counts and the codes, free first. */
export const rewardCodesSchema = z.object({
  available: z.number().int(),
  handedOut: z.number().int(),
  items: z.array(z.object({ code: z.string(), redemptionId: z.string().nullable() })),
});

/** One redemption in the admin list, with its fulfilment. */
export const redemptionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  rewardId: z.string(),
  /** The reward's name now; null once the reward was deleted. */
  rewardName: z.string().nullable(),
  cost: z.number().int(),
  code: z.string().nullable(),
  status: z.enum(REDEMPTION_STATUSES),
  createdAt: z.string(),
  fulfilledAt: z.string().nullable(),
});

/** `PATCH /v1/admin/loyalty/redemptions/:id`. */
export const redemptionPatchSchema = z.object({ status: z.enum(REDEMPTION_STATUSES) });

/** `GET /v1/admin/loyalty/redemptions`. */
export const redemptionListQuerySchema = z.object({
  status: z.enum(REDEMPTION_STATUSES).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** `GET /v1/admin/loyalty/members`: search by user id, sort by balance or newest. */
export const memberListQuerySchema = z.object({
  q: z.string().max(MAX_ID_LENGTH).optional(),
  sort: z.enum(MEMBER_SORTS).default('balance'),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

/** One member in the admin list. */
export const memberRowSchema = z.object({
  userId: z.string(),
  balance: z.number().int(),
  lifetimePoints: z.number().int(),
  tier: z.string().nullable(),
  joinedAt: z.string(),
});

/** One way a customer can earn points, shown in the widget. */
export const wayToEarnSchema = z.object({ label: labelSchema, points: z.number().int() });

export const loyaltyActivitySchema = z.object({
  id: z.string(),
  points: z.number().int(),
  reason: z.string(),
  createdAt: z.string(),
  /** The reward code a redemption handed out. */
  code: z.string().optional(),
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
  /**
   * The customer's verified traits that the widget's texts name as placeholders (and
   * `firstName`), scalars only: what the widget may show, to this proven user only.
   */
  traits: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
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
  /** The code the reward handed out (the same one on a duplicate); absent without codes. */
  code: z.string().optional(),
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
export type RewardCodesInput = z.infer<typeof rewardCodesInputSchema>;
export type RewardCodesAdded = z.infer<typeof rewardCodesAddedSchema>;
export type RewardCodes = z.infer<typeof rewardCodesSchema>;
export type Redemption = z.infer<typeof redemptionSchema>;
export type RedemptionPatch = z.infer<typeof redemptionPatchSchema>;
export type MemberRow = z.infer<typeof memberRowSchema>;
