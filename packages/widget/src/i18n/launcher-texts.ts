/**
 * The strings the launcher shows before the UI chunk and its locale have loaded, for each
 * built-in locale. They ship in rapport.js; `en.ts` and `fr.ts` take them from here, so each
 * string has one owner.
 */
export const LAUNCHER_TEXTS = {
  en: {
    launcher: 'Open feedback and rewards',
    loading: 'Loading…',
    loadFailed: 'This could not load. Check your connection, then press the button to try again.',
    // The launcher's badge, said to screen readers and added to the button's name.
    unreadReplies: 'one:{n} unread reply|other:{n} unread replies',
  },
  fr: {
    launcher: 'Ouvrir les avis et récompenses',
    loading: 'Chargement…',
    loadFailed:
      'Le chargement a échoué. Vérifiez votre connexion, puis appuyez sur le bouton pour réessayer.',
    unreadReplies: 'one:{n} réponse non lue|other:{n} réponses non lues',
  },
};

/** A string the launcher shows. */
export type LauncherTextKey = keyof (typeof LAUNCHER_TEXTS)['en'];

/**
 * Pick the built-in locale for a BCP 47 tag (`fr-CA` → `fr`), English when unknown.
 * @example resolveLocale('fr-BE') // 'fr'
 */
export function resolveLocale(tag: string | undefined): keyof typeof LAUNCHER_TEXTS {
  const base = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return base in LAUNCHER_TEXTS ? (base as keyof typeof LAUNCHER_TEXTS) : 'en';
}

/**
 * A launcher string: the page's `texts` option wins over the site owner's texts from the
 * server, which win over the built-in locale. Non-string values are ignored.
 */
export function launcherText(
  key: LauncherTextKey,
  locale: string,
  ...layers: Array<Record<string, unknown> | undefined>
): string {
  let text: string = LAUNCHER_TEXTS[resolveLocale(locale)][key];
  for (const layer of layers) {
    const value = layer?.[key];
    if (typeof value === 'string') text = value;
  }
  return text;
}
