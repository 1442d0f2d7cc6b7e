import type { DigestProject } from './digest-claims';
import { emailDocument, escapeHtml, linkHtml } from './html';
import type { OutgoingEmail } from './mailer';

/** What {@link digestEmail} writes from. */
export interface DigestEmailInput {
  to: string;
  projects: DigestProject[];
  /** `RAPPORT_PUBLIC_URL`, for the links to each thread and to the Account page. */
  publicUrl: string;
  unsubscribeUrl: string;
}

/** Longest excerpt of a message in the digest. */
const EXCERPT = 160;

function excerptOf(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT ? `${line.slice(0, EXCERPT - 1)}…` : line;
}

/**
 * The daily digest: per project, how much new feedback came in and the newest items, each
 * linking to its thread in the console. In English, like the console. Every text escaped.
 */
export function digestEmail(input: DigestEmailInput): OutgoingEmail {
  const total = input.projects.reduce((sum, project) => sum + project.total, 0);
  const subject = `${total} new feedback ${total === 1 ? 'item' : 'items'} in Rapport`;
  const threadUrl = (projectId: string, id: string) =>
    `${input.publicUrl}/console/#/projects/${encodeURIComponent(projectId)}/inbox/${encodeURIComponent(id)}`;
  const accountUrl = `${input.publicUrl}/console/#/account`;
  const heading = (project: DigestProject) =>
    `${project.projectName}: ${project.total} new` +
    (project.total > project.items.length ? ` (the newest ${project.items.length} below)` : '');
  const label = (item: DigestProject['items'][number]) =>
    `${item.category ? `[${item.category}] ` : ''}${excerptOf(item.message)}`;
  const text = [
    `New feedback since your last digest:`,
    ...input.projects.map((project) =>
      [
        heading(project),
        ...project.items.map(
          (item) => `- ${label(item)}\n  ${threadUrl(project.projectId, item.id)}`,
        ),
      ].join('\n'),
    ),
    `--\nYou get this digest because you turned it on. Turn it off on your Account page (${accountUrl}) or unsubscribe: ${input.unsubscribeUrl}`,
  ].join('\n\n');
  const sections = input.projects
    .map(
      (project) =>
        `<h2 style="font-size:18px">${escapeHtml(heading(project))}</h2><ul>${project.items
          .map((item) => `<li>${linkHtml(threadUrl(project.projectId, item.id), label(item))}</li>`)
          .join('')}</ul>`,
    )
    .join('');
  const html = emailDocument(
    'en',
    subject,
    `<p>New feedback since your last digest:</p>${sections}<hr><p style="font-size:13px;color:#555">You get this digest because you turned it on. Turn it off on your ${linkHtml(accountUrl, 'Account page')} or ${linkHtml(input.unsubscribeUrl, 'unsubscribe')}.</p>`,
  );
  return {
    to: input.to,
    subject,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
