import { NPS_BANDS, type NpsBand } from '@rapport/protocol';
import { useState } from 'preact/hooks';
import { fieldId, type SurveyDraft, type SurveyField, type SurveyProblems } from '../survey-draft';
import {
  emptyTranslation,
  languageName,
  TRANSLATION_LANGUAGES,
  type TranslationDraft,
  translationFields,
} from '../survey-translations';
import { Field } from './Field';

const BAND_LABELS: Record<NpsBand, string> = {
  detractor: 'Follow-up for detractors',
  passive: 'Follow-up for passives',
  promoter: 'Follow-up for promoters',
};

interface TranslationFieldsProps {
  draft: SurveyDraft;
  problems: SurveyProblems;
  /** The survey asks its own follow-ups: they can be translated too. */
  withFollowUp: boolean;
  onChange: (next: Partial<SurveyDraft>, fields?: SurveyField[]) => void;
}

/**
 * The question (and follow-ups) in other languages. A visitor whose browser or page asks for
 * one of them sees its texts; a text left empty falls back to the survey's own question, or to
 * the widget's built-in follow-up in that language.
 */
export function TranslationFields({
  draft,
  problems,
  withFollowUp,
  onChange,
}: TranslationFieldsProps) {
  const used = new Set(draft.translations.map((translation) => translation.language));
  const offered = TRANSLATION_LANGUAGES.filter((language) => !used.has(language));
  const [adding, setAdding] = useState<string>('');
  const choice = offered.includes(adding as never) ? adding : (offered[0] ?? '');

  const replace = (language: string, next: TranslationDraft | undefined, fields: SurveyField[]) =>
    onChange(
      {
        translations: next
          ? draft.translations.map((t) => (t.language === language ? next : t))
          : draft.translations.filter((t) => t.language !== language),
      },
      fields,
    );
  const add = () => {
    if (!choice) return;
    onChange({ translations: [...draft.translations, emptyTranslation(choice)] });
    setAdding('');
    setTimeout(() => document.getElementById(fieldId(`translations.${choice}.question`))?.focus());
  };

  return (
    <fieldset class="card stack">
      <legend>Other languages</legend>
      <p class="hint">
        Visitors whose language is listed here see these texts. An empty text falls back to the
        question above, or to the widget’s own follow-up question in that language.
      </p>
      {draft.translations.map((translation) => {
        const name = languageName(translation.language);
        const field = (band?: NpsBand) =>
          (band
            ? `translations.${translation.language}.followUp.${band}`
            : `translations.${translation.language}.question`) as SurveyField;
        return (
          <fieldset key={translation.language} class="stack translation">
            <legend>
              {name} ({translation.language})
            </legend>
            <Field
              id={fieldId(field())}
              label={`Question in ${name}`}
              value={translation.question}
              error={problems[field()]}
              lang={translation.language}
              onValue={(question) =>
                replace(translation.language, { ...translation, question }, [field()])
              }
            />
            {withFollowUp
              ? NPS_BANDS.map((band) => (
                  <Field
                    key={band}
                    id={fieldId(field(band))}
                    label={`${BAND_LABELS[band]} in ${name}`}
                    value={translation.followUp[band]}
                    error={problems[field(band)]}
                    lang={translation.language}
                    onValue={(text) =>
                      replace(
                        translation.language,
                        { ...translation, followUp: { ...translation.followUp, [band]: text } },
                        [field(band)],
                      )
                    }
                  />
                ))
              : null}
            <div>
              <button
                type="button"
                class="secondary"
                onClick={() =>
                  replace(translation.language, undefined, translationFields([translation]))
                }
              >
                Remove {name}
              </button>
            </div>
          </fieldset>
        );
      })}
      {offered.length > 0 ? (
        <div class="row wrap add-language">
          <div class="field">
            <label for="survey-translation-language">Add a language</label>
            <select
              id="survey-translation-language"
              value={choice}
              onChange={(event) => setAdding(event.currentTarget.value)}
            >
              {offered.map((language) => (
                <option key={language} value={language}>
                  {languageName(language)} ({language})
                </option>
              ))}
            </select>
          </div>
          <button type="button" class="secondary" onClick={add}>
            Add {languageName(choice)}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
