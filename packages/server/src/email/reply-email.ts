import { emailDocument, escapeHtml, linkHtml, paragraphsHtml, webUrlOf } from './html';
import type { OutgoingEmail } from './mailer';
import type { EmailedReply } from './reply-claims';
import { emailLocaleOf, REPLY_EMAIL_TEXTS } from './reply-email-texts';

/** What {@link replyEmail} writes from. */
export interface ReplyEmailInput {
  to: string;
  projectName: string;
  replies: EmailedReply[];
  /** The feedback's context: `url` is the page it was sent from, `locale` the language. */
  context: Record<string, unknown> | null;
  /** The project's allowed origins: the first web one is the site when the context has no URL. */
  allowedOrigins: string[];
  /** The one-click unsubscribe URL (GET shows a confirmation, POST unsubscribes). */
  unsubscribeUrl: string;
}

/** Where "read and answer" leads: the page the feedback came from, else the site's origin. */
export function siteLinkOf(
  context: Record<string, unknown> | null,
  allowedOrigins: string[],
): string | undefined {
  return webUrlOf(context?.url) ?? allowedOrigins.map(webUrlOf).find(Boolean);
}

/**
 * The email carrying a thread's unread team replies: plain text and simple HTML with every
 * name and body escaped, in the customer's language (their feedback's locale), with
 * `List-Unsubscribe` and `List-Unsubscribe-Post` for one-click unsubscribe (RFC 8058).
 */
export function replyEmail(input: ReplyEmailInput): OutgoingEmail {
  const lang = emailLocaleOf(input.context?.locale);
  const t = REPLY_EMAIL_TEXTS[lang];
  const project = input.projectName;
  const site = siteLinkOf(input.context, input.allowedOrigins);
  const author = (reply: EmailedReply) => reply.authorName ?? t.team;
  const text = [
    t.intro(project),
    ...input.replies.map((reply) => `${author(reply)}:\n${reply.body}`),
    ...(site ? [`${t.open}: ${site}`] : []),
    `--\n${t.why(project)}\n${t.unsubscribe}: ${input.unsubscribeUrl}`,
  ].join('\n\n');
  const replies = input.replies
    .map(
      (reply) =>
        `<blockquote style="margin:16px 0;padding:0 12px;border-left:3px solid #ccc"><p><strong>${escapeHtml(author(reply))}</strong></p>${paragraphsHtml(reply.body)}</blockquote>`,
    )
    .join('');
  const html = emailDocument(
    lang,
    t.subject(project),
    [
      `<p>${escapeHtml(t.intro(project))}</p>`,
      replies,
      site ? `<p>${linkHtml(site, t.open)}</p>` : '',
      `<hr><p style="font-size:13px;color:#555">${escapeHtml(t.why(project))} ${linkHtml(input.unsubscribeUrl, t.unsubscribe)}</p>`,
    ].join(''),
  );
  return {
    to: input.to,
    // A subject is one line: a project name with a line break must not add headers.
    subject: t.subject(project).replace(/[\r\n]+/g, ' '),
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
