/**
 * The closed sets of names both sides of the wire use: message types, feedback categories and
 * statuses, widget panels, survey types, timeline kinds and key kinds. Plain tuples, no zod:
 * the SDK, the widget and the console import them at run time; the schemas build their enums
 * from them.
 */

/**
 * Message types a batch can carry. `reply` is the customer's answer in one of their threads;
 * `resolution_rating` their answer to "Did we solve this?" once the team resolved a thread.
 */
export const MESSAGE_TYPES = [
  'identify',
  'track',
  'page',
  'feedback',
  'survey_response',
  'reply',
  'resolution_rating',
] as const;

/** What a piece of feedback is about. */
export const FEEDBACK_CATEGORIES = ['bug', 'idea', 'praise', 'question', 'other'] as const;

/** Where a piece of feedback is in the team's inbox. */
export const FEEDBACK_STATUSES = ['new', 'in_progress', 'resolved'] as const;

/** The parts of the widget a site owner can switch on or off. */
export const PANELS = ['feedback', 'surveys', 'loyalty', 'inbox'] as const;

/** Kinds of survey. */
export const SURVEY_TYPES = ['nps', 'csat'] as const;

/** Kinds of entry on a customer's timeline. */
export const TIMELINE_KINDS = [
  'identify',
  'page',
  'track',
  'feedback',
  'survey_response',
  'loyalty',
  'redemption',
  'reply',
  'resolution_rating',
] as const;

/** One kind of timeline entry. */
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The project keys a teammate can rotate. */
export const KEY_KINDS = ['publishable', 'secret', 'identity'] as const;

/** One kind of project key. */
export type KeyKind = (typeof KEY_KINDS)[number];

/**
 * The track event the SDK sends when a visitor dismisses a survey; the server counts it
 * toward the survey's recontact period.
 */
export const SURVEY_DISMISSED_EVENT = '$survey_dismissed';

/** NPS bands, lowest first: 0–6 detractor, 7–8 passive, 9–10 promoter. */
export const NPS_BANDS = ['detractor', 'passive', 'promoter'] as const;

/** One NPS band. */
export type NpsBand = (typeof NPS_BANDS)[number];

/** The lowest and highest score of each NPS band: 0–6 detractor, 7–8 passive, 9–10 promoter. */
export const NPS_BAND_SCORES: Readonly<Record<NpsBand, readonly [min: number, max: number]>> = {
  detractor: [0, 6],
  passive: [7, 8],
  promoter: [9, 10],
};

/** The band of an NPS score (0–10): 0–6 detractor, 7–8 passive, 9–10 promoter. */
export function npsBand(score: number): NpsBand {
  if (score <= NPS_BAND_SCORES.detractor[1]) return 'detractor';
  return score <= NPS_BAND_SCORES.passive[1] ? 'passive' : 'promoter';
}
