import { COMMON_TEXTS } from '../widget-texts';

interface TextOverridesProps {
  texts: Record<string, string>;
  /** The preview's language, for the placeholders (the built-in string being replaced). */
  locale: string;
  onChange: (texts: Record<string, string>) => void;
}

/** A trait placeholder with its fallback, as the widget reads it. */
const EXAMPLE = '{firstName|there}';

/** One field per common widget string; empty keeps the built-in text. */
export function TextOverrides({ texts, locale, onChange }: TextOverridesProps) {
  const set = (key: string, value: string) => {
    const next = { ...texts };
    if (value) next[key] = value;
    else delete next[key];
    onChange(next);
  };
  return (
    <div class="stack">
      <p class="hint" id="text-overrides-hint">
        Leave a field empty to keep the built-in text of the visitor's language. To greet a
        signed-in customer, write a verified trait in braces with the text to show without it: “Hi{' '}
        {EXAMPLE}” reads “Hi Ana” for Ana, “Hi there” for anyone else (the preview shows the
        latter). Only traits your site sends with identify() and a valid userHash are used, shown as
        plain text.
      </p>
      {COMMON_TEXTS.map((text) => (
        <div class="field" key={text.key}>
          <label for={`text-${text.key}`}>{text.label}</label>
          <input
            id={`text-${text.key}`}
            value={texts[text.key] ?? ''}
            placeholder={locale === 'fr' ? text.fr : text.en}
            maxLength={200}
            aria-describedby="text-overrides-hint"
            onInput={(e) => set(text.key, e.currentTarget.value)}
          />
        </div>
      ))}
    </div>
  );
}
