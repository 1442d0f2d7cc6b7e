/**
 * The widget strings a site owner overrides most, with their English defaults (from the
 * widget's i18n/en.ts, the reference for every key). Any other key can be added by name.
 */
export const COMMON_TEXTS: { key: string; label: string; en: string; fr: string }[] = [
  {
    key: 'launcher',
    label: 'Launcher button (accessible name)',
    en: 'Open feedback and rewards',
    fr: 'Ouvrir les avis et récompenses',
  },
  {
    key: 'title',
    label: 'Dialog title',
    en: 'How can we help?',
    fr: 'Comment pouvons-nous vous aider ?',
  },
  { key: 'tabFeedback', label: 'Feedback tab', en: 'Feedback', fr: 'Avis' },
  { key: 'tabLoyalty', label: 'Rewards tab', en: 'Rewards', fr: 'Récompenses' },
  { key: 'tabInbox', label: 'Messages tab', en: 'Messages', fr: 'Messages' },
  { key: 'message', label: 'Message field', en: 'Your message', fr: 'Votre message' },
  { key: 'send', label: 'Send button', en: 'Send', fr: 'Envoyer' },
  {
    key: 'sent',
    label: 'After sending',
    en: 'Sent — we read every message.',
    fr: 'Envoyé — nous lisons chaque message.',
  },
];

/** Locales the widget ships strings for; the preview can show each. */
export const WIDGET_LOCALES = [
  { tag: 'en', label: 'English' },
  { tag: 'fr', label: 'French' },
] as const;
