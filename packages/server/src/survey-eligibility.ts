import { createHash } from 'node:crypto';
import type { EligibleSurvey, Survey } from '@rapport/protocol';
import { DAY_MS } from './clock';
import { passesTraitRules } from './trait-match';

/**
 * A stable number in [0, 100) for (survey, person): the same person always falls on the same
 * side of a survey's sample, so reloading a page never flips the decision.
 */
export function samplePoint(surveyId: string, personKey: string): number {
  const digest = createHash('sha256').update(`${surveyId}\u0000${personKey}`).digest();
  return (digest.readUInt32BE(0) / 0x1_0000_0000) * 100;
}

/** What is known about the person when deciding. */
export interface EligibilityFacts {
  /** userId when identified, else anonymousId: the key for sampling. */
  personKey: string;
  url: string | undefined;
  /** Last answer or dismissal time (ms) per survey id. */
  lastContact: Map<string, number>;
  /** Track events the person has sent. */
  seenEvents: Set<string>;
  now: number;
  globalWaitDays: number;
  /**
   * The verified traits of a user the request proved with a valid userHash; undefined for
   * anyone else, who never sees a survey with trait rules.
   */
  verifiedTraits: Record<string, unknown> | undefined;
}

function passesTargeting(survey: Survey, facts: EligibilityFacts): boolean {
  const targeting = survey.targeting;
  if (targeting?.urlContains && !facts.url?.includes(targeting.urlContains)) return false;
  if (targeting?.event && !facts.seenEvents.has(targeting.event)) return false;
  if (targeting?.startsAt && facts.now < Date.parse(targeting.startsAt)) return false;
  if (targeting?.endsAt && facts.now >= Date.parse(targeting.endsAt)) return false;
  return passesTraitRules(targeting?.traits, facts.verifiedTraits);
}

function inRecontactPeriod(survey: Survey, facts: EligibilityFacts): boolean {
  const last = facts.lastContact.get(survey.id);
  return last !== undefined && facts.now - last < survey.recontactDays * DAY_MS;
}

/**
 * The surveys to show now: targeting (URL, event, start and end dates, verified traits), the project's global wait since the last
 * survey of any kind, the survey's own recontact period (answers and dismissals both count),
 * then deterministic sampling. The widget applies `delaySeconds` on the page.
 */
export function eligibleSurveys(surveys: Survey[], facts: EligibilityFacts): EligibleSurvey[] {
  const lastAny = Math.max(0, ...facts.lastContact.values());
  if (lastAny > 0 && facts.now - lastAny < facts.globalWaitDays * DAY_MS) return [];
  return surveys
    .filter((survey) => survey.active)
    .filter((survey) => passesTargeting(survey, facts))
    .filter((survey) => !inRecontactPeriod(survey, facts))
    .filter((survey) => samplePoint(survey.id, facts.personKey) < survey.samplePercent)
    .map(toEligible);
}

/** What the widget needs to show `survey`: its question, follow-up, translations and delay. */
export function toEligible(survey: Survey): EligibleSurvey {
  const eligible: EligibleSurvey = {
    id: survey.id,
    type: survey.type,
    question: survey.question,
    delaySeconds: survey.targeting?.delaySeconds ?? 0,
  };
  if (survey.followUp) eligible.followUp = survey.followUp;
  if (survey.translations) eligible.translations = survey.translations;
  return eligible;
}
