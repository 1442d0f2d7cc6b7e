/** The reply email's words, per locale the widget ships (English and French). */
export const REPLY_EMAIL_TEXTS = {
  en: {
    subject: (project: string) => `New reply from ${project}`,
    intro: (project: string) => `${project} replied to your feedback:`,
    team: 'The team',
    open: 'Read and answer on the site',
    why: (project: string) =>
      `You get this email because you sent feedback to ${project} and have not read this reply yet.`,
    unsubscribe: 'Unsubscribe from these emails',
  },
  fr: {
    subject: (project: string) => `Nouvelle réponse de ${project}`,
    intro: (project: string) => `${project} a répondu à votre avis :`,
    team: 'L’équipe',
    open: 'Lire et répondre sur le site',
    why: (project: string) =>
      `Vous recevez cet e-mail car vous avez envoyé un avis à ${project} et n’avez pas encore lu cette réponse.`,
    unsubscribe: 'Se désabonner de ces e-mails',
  },
} as const;

/** A locale the reply email is written in. */
export type EmailLocale = keyof typeof REPLY_EMAIL_TEXTS;

/**
 * The built-in locale for a BCP 47 tag (`fr-CA` → `fr`), English when unknown or absent.
 * @example emailLocaleOf('fr-BE') // 'fr'
 */
export function emailLocaleOf(tag: unknown): EmailLocale {
  const base = typeof tag === 'string' ? (tag.toLowerCase().split('-')[0] ?? '') : '';
  return base in REPLY_EMAIL_TEXTS ? (base as EmailLocale) : 'en';
}
