import { emailDocument, escapeHtml } from './html';
import { type EmailLocale, UNSUBSCRIBE_PAGE_TEXTS } from './reply-email-texts';
import type { UnsubscribeTarget } from './unsubscribe-tokens';

/** What the unsubscribe page shows: a question with its button, the outcome, or a bad link. */
export type UnsubscribePageState =
  | { step: 'ask' | 'done'; target: UnsubscribeTarget; projectName: string; action: string }
  | { step: 'invalid' };

/**
 * `a•••@shop.example`: enough for its owner to recognise, not the whole address for anyone the
 * link was forwarded to.
 */
export function maskedAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 1 ? '•••' : `${address.slice(0, 1)}•••${address.slice(at)}`;
}

/**
 * The unsubscribe page as HTML, every value escaped. The question page's form posts to the
 * same link: a GET never unsubscribes, since mail scanners open links before people do.
 */
export function unsubscribePage(lang: EmailLocale, state: UnsubscribePageState): string {
  const t = UNSUBSCRIBE_PAGE_TEXTS[lang];
  if (state.step === 'invalid') {
    return emailDocument(
      lang,
      t.title,
      `<h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.invalid)}</p>`,
    );
  }
  const { target, projectName } = state;
  const address = target.kind === 'replies' ? maskedAddress(target.address) : '';
  const sentence =
    state.step === 'done'
      ? target.kind === 'replies'
        ? t.doneReplies(address, projectName)
        : t.doneDigest
      : target.kind === 'replies'
        ? t.askReplies(address, projectName)
        : t.askDigest;
  const form =
    state.step === 'ask'
      ? `<form method="post" action="${escapeHtml(state.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" style="font:inherit;padding:8px 16px">${escapeHtml(t.confirm)}</button></form>`
      : '';
  const role = state.step === 'done' ? ' role="status"' : '';
  return emailDocument(
    lang,
    t.title,
    `<main><h1>${escapeHtml(t.title)}</h1><p${role}>${escapeHtml(sentence)}</p>${form}</main>`,
  );
}
