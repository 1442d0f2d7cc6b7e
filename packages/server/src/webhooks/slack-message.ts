import { WEBHOOK_TEST_EVENT } from '@rapport/protocol';

/** What a Slack message needs beyond the event: where the console is, for links back. */
export interface SlackContext {
  /** `https://rapport.example.com/console/`; without it the message carries no link. */
  consoleUrl: string | undefined;
}

/** The event as the delivery row holds it (see webhooks/enqueue.ts for each type's data). */
interface SlackEvent {
  type: string;
  projectId: string;
  data: Record<string, unknown>;
}

/** Longest customer text quoted in a message; Slack's own limit for `text` is far higher. */
const QUOTE_CHARS = 1_000;

/**
 * Escapes text for Slack's mrkdwn: `&`, `<` and `>` are the only characters it reads as
 * markup, so a customer's `<!channel>` or `<https://evil|bank>` stays text.
 */
export function slackEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function quote(text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') return '';
  const short = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
  return `\n${slackEscape(short)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')}`;
}

function who(data: Record<string, unknown>): string {
  if (typeof data.userId === 'string') return `customer ${slackEscape(data.userId)}`;
  return 'an anonymous visitor';
}

function link(context: SlackContext, path: string, label: string): string {
  if (!context.consoleUrl) return '';
  return `\n<${context.consoleUrl}#/${path}|${label}>`;
}

/**
 * The `{ text }` body a Slack incoming webhook turns into a message: new feedback and NPS
 * detractors in words, with the customer's text quoted and escaped and, when the console's
 * address is known, a link to the thread or the survey's report.
 */
export function slackMessage(event: SlackEvent, context: SlackContext): { text: string } {
  const { data } = event;
  const project = `projects/${encodeURIComponent(event.projectId)}`;
  switch (event.type) {
    case 'feedback.created': {
      const facts = [
        typeof data.category === 'string' ? data.category : undefined,
        typeof data.rating === 'number' ? `rated ${data.rating}/5` : undefined,
      ].filter(Boolean);
      const thread = `${project}/inbox/${encodeURIComponent(String(data.id))}`;
      return {
        text:
          `*New feedback* from ${who(data)}${facts.length ? ` (${facts.join(', ')})` : ''}` +
          `${quote(data.message)}${link(context, thread, 'Answer in Rapport')}`,
      };
    }
    case 'nps.detractor': {
      const report = `${project}/surveys/${encodeURIComponent(String(data.surveyId))}/report`;
      return {
        text:
          `*NPS detractor*: ${who(data)} scored ${String(data.score)} out of 10` +
          `${quote(data.comment)}${link(context, report, 'See the survey in Rapport')}`,
      };
    }
    case WEBHOOK_TEST_EVENT:
      return {
        text: 'Rapport is connected: new feedback and NPS detractors will be posted here.',
      };
    default:
      // The API lets a slack endpoint subscribe only to the events above.
      return { text: `Rapport event ${slackEscape(event.type)}.` };
  }
}
