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

/** The words of the unsubscribe page, by the browser's language. */
export const UNSUBSCRIBE_PAGE_TEXTS = {
  en: {
    title: 'Unsubscribe',
    askReplies: (address: string, project: string) =>
      `Stop emailing ${address} when ${project} replies to your feedback? Replies stay readable on the site.`,
    askDigest:
      'Stop the daily digest of new feedback? You can turn it on again on your console Account page.',
    confirm: 'Unsubscribe',
    doneReplies: (address: string, project: string) =>
      `Done: ${project} will not email ${address} about replies any more.`,
    doneDigest: 'Done: the daily digest is off.',
    invalid:
      'This unsubscribe link is not valid. Copy the whole link from the email, or ask the site to stop the emails.',
  },
  fr: {
    title: 'Se désabonner',
    askReplies: (address: string, project: string) =>
      `Ne plus écrire à ${address} quand ${project} répond à votre avis ? Les réponses restent lisibles sur le site.`,
    askDigest:
      'Arrêter le résumé quotidien des nouveaux avis ? Vous pourrez le réactiver dans la page Compte de la console.',
    confirm: 'Se désabonner',
    doneReplies: (address: string, project: string) =>
      `C’est fait : ${project} n’écrira plus à ${address} au sujet des réponses.`,
    doneDigest: 'C’est fait : le résumé quotidien est arrêté.',
    invalid:
      'Ce lien de désabonnement n’est pas valide. Copiez le lien entier depuis l’e-mail, ou demandez au site d’arrêter les e-mails.',
  },
} as const;
