import { COMMON_TEXTS } from '../widget-texts';

interface TextOverridesProps {
  texts: Record<string, string>;
  /** The preview's language, for the placeholders (the built-in string being replaced). */
  locale: string;
  onChange: (texts: Record<string, string>) => void;
}

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
      <p class="hint">Leave a field empty to keep the built-in text of the visitor's language.</p>
      {COMMON_TEXTS.map((text) => (
        <div class="field" key={text.key}>
          <label for={`text-${text.key}`}>{text.label}</label>
          <input
            id={`text-${text.key}`}
            value={texts[text.key] ?? ''}
            placeholder={locale === 'fr' ? text.fr : text.en}
            maxLength={200}
            onInput={(e) => set(text.key, e.currentTarget.value)}
          />
        </div>
      ))}
    </div>
  );
}
