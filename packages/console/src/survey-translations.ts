/**
 * A survey's texts in other languages, as the form types them: one entry per language, in the
 * order they were added. Pure functions, no Preact, like the rest of the survey draft.
 */
import { MAX_LABEL_LENGTH, NPS_BANDS, type NpsBand } from '@rapport/protocol';
import type { Survey, SurveyInput } from './api/types';

/** The languages offered, by base tag: the widget picks one by the visitor's language. */
export const TRANSLATION_LANGUAGES = [
  'ar',
  'cs',
  'da',
  'de',
  'el',
  'es',
  'fi',
  'fr',
  'he',
  'hi',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'sv',
  'th',
  'tr',
  'uk',
  'vi',
  'zh',
] as const;

/** One language's texts: empty ones fall back to the survey's own (or the widget's) texts. */
export interface TranslationDraft {
  language: string;
  question: string;
  followUp: Record<NpsBand, string>;
}

/** The field a translation's problem belongs to: `translations.fr.question`. */
export type TranslationField = `translations.${string}.${'question' | `followUp.${NpsBand}`}`;

const names = new Intl.DisplayNames(['en'], { type: 'language' });

/** "French", for `fr`; the tag itself where the browser has no name for it. */
export function languageName(language: string): string {
  try {
    return names.of(language) ?? language;
  } catch {
    return language;
  }
}

export function emptyTranslation(language: string): TranslationDraft {
  return { language, question: '', followUp: { detractor: '', passive: '', promoter: '' } };
}

/** The drafts of a stored survey's translations. */
export function translationDrafts(survey: Survey): TranslationDraft[] {
  return Object.entries(survey.translations ?? {}).map(([language, texts]) => ({
    language,
    question: texts.question ?? '',
    followUp: {
      detractor: texts.followUp?.detractor ?? '',
      passive: texts.followUp?.passive ?? '',
      promoter: texts.followUp?.promoter ?? '',
    },
  }));
}

/**
 * The body's `translations`: trimmed texts, empty ones left out, follow-ups only where the
 * survey asks them, and languages with nothing written dropped.
 */
export function translationsBody(
  drafts: TranslationDraft[],
  withFollowUp: boolean,
): NonNullable<SurveyInput['translations']> {
  const body: NonNullable<SurveyInput['translations']> = {};
  for (const draft of drafts) {
    const texts: NonNullable<SurveyInput['translations']>[string] = {};
    const question = draft.question.trim();
    if (question) texts.question = question;
    const followUp: Partial<Record<NpsBand, string>> = {};
    for (const band of withFollowUp ? NPS_BANDS : []) {
      const text = draft.followUp[band].trim();
      if (text) followUp[band] = text;
    }
    if (Object.keys(followUp).length > 0) texts.followUp = followUp;
    if (Object.keys(texts).length > 0) body[draft.language] = texts;
  }
  return body;
}

/** Texts over the label limit, by field (an empty text is fine: it falls back). */
export function translationProblems(
  drafts: TranslationDraft[],
  withFollowUp: boolean,
): Partial<Record<TranslationField, string>> {
  const problems: Partial<Record<TranslationField, string>> = {};
  for (const draft of drafts) {
    const texts: [TranslationField, string][] = [
      [`translations.${draft.language}.question`, draft.question],
      ...(withFollowUp ? NPS_BANDS : []).map(
        (band) =>
          [`translations.${draft.language}.followUp.${band}`, draft.followUp[band]] as [
            TranslationField,
            string,
          ],
      ),
    ];
    for (const [field, text] of texts) {
      const length = text.trim().length;
      if (length > MAX_LABEL_LENGTH) {
        problems[field] = `Use at most ${MAX_LABEL_LENGTH} characters (this has ${length}).`;
      }
    }
  }
  return problems;
}

/** Every field of the translations, in form order. */
export function translationFields(drafts: TranslationDraft[]): TranslationField[] {
  return drafts.flatMap((draft) => [
    `translations.${draft.language}.question` as const,
    ...NPS_BANDS.map((band) => `translations.${draft.language}.followUp.${band}` as const),
  ]);
}
