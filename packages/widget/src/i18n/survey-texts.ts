import type { EligibleSurvey, FollowUp } from '@rapport/protocol';

/** A survey's texts as the visitor reads them. */
export interface SurveyTexts {
  question: string;
  /** The site owner's follow-up for each band, in the visitor's language when translated. */
  followUp: Partial<FollowUp> | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOr = (value: unknown, fallback?: string) =>
  typeof value === 'string' && value !== '' ? value : fallback;

/**
 * The question and follow-ups in the visitor's language: the translation for the base
 * language of `locale` (`fr` for `fr-CA`), where the site owner wrote one. In a translated
 * language a text left out falls back to the survey's own question, and a follow-up band left
 * out to the widget's built-in one for that language (never to another language's text). The
 * server's JSON is read defensively: a malformed translation is as good as none.
 */
export function surveyTexts(survey: EligibleSurvey, locale: string): SurveyTexts {
  const language = locale.toLowerCase().split('-')[0] ?? '';
  const all: unknown = survey.translations;
  const own = isRecord(all) && Object.hasOwn(all, language) ? all[language] : undefined;
  if (!isRecord(own)) return { question: survey.question, followUp: survey.followUp };
  const followUp = isRecord(own.followUp) ? own.followUp : {};
  return {
    question: textOr(own.question, survey.question) ?? '',
    followUp: {
      detractor: textOr(followUp.detractor),
      passive: textOr(followUp.passive),
      promoter: textOr(followUp.promoter),
    },
  };
}
