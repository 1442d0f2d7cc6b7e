import { SLACK_EVENTS, WEBHOOK_EVENTS } from '@rapport/protocol';
import type { WebhookEventType, WebhookFormat } from '../api/types';
import { WEBHOOK_EVENT_LABELS } from '../webhook-format';
import { Field } from './Field';

/** What the endpoint form edits. */
export interface WebhookDraft {
  url: string;
  events: WebhookEventType[];
}

/** The first problem of a draft, as the form shows it inline; undefined when it can be sent. */
export function webhookDraftProblems(draft: WebhookDraft): { url?: string; events?: string } {
  const problems: { url?: string; events?: string } = {};
  let parsed: URL | undefined;
  try {
    parsed = new URL(draft.url.trim());
  } catch {
    parsed = undefined;
  }
  if (!draft.url.trim()) problems.url = 'Enter the URL that should receive the events.';
  else if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    problems.url = 'Enter a full http:// or https:// URL, e.g. https://shop.example/hooks/rapport.';
  }
  if (draft.events.length === 0) problems.events = 'Choose at least one event.';
  return problems;
}

/** The events an endpoint of this format may receive, in the protocol's order. */
export function eventsFor(format: WebhookFormat): readonly WebhookEventType[] {
  return format === 'slack' ? SLACK_EVENTS : WEBHOOK_EVENTS;
}

interface WebhookFieldsProps {
  idPrefix: string;
  format: WebhookFormat;
  draft: WebhookDraft;
  onDraft: (draft: WebhookDraft) => void;
  /** Inline problems, shown once the form was submitted. */
  problems: { url?: string | undefined; events?: string | undefined };
}

/** The endpoint's URL and the events it receives, as checkboxes in a fieldset. */
export function WebhookFields({ idPrefix, format, draft, onDraft, problems }: WebhookFieldsProps) {
  const events = eventsFor(format);
  const toggle = (event: WebhookEventType, on: boolean) =>
    onDraft({
      ...draft,
      // In the protocol's order, whatever order they were ticked in.
      events: events.filter((name) => (name === event ? on : draft.events.includes(name))),
    });
  return (
    <>
      <Field
        id={`${idPrefix}-url`}
        label="Endpoint URL"
        type="url"
        inputMode="url"
        autocomplete="off"
        spellcheck={false}
        hint={
          format === 'slack'
            ? 'The incoming-webhook URL Slack gave you: https://hooks.slack.com/services/…'
            : 'Rapport POSTs signed JSON here. Use https:// in production.'
        }
        value={draft.url}
        onValue={(url) => onDraft({ ...draft, url })}
        error={problems.url}
      />
      <fieldset
        class="field"
        aria-describedby={problems.events ? `${idPrefix}-events-error` : undefined}
      >
        <legend>Events</legend>
        {events.map((event, index) => (
          <label key={event} class="check">
            <input
              id={index === 0 ? `${idPrefix}-events` : undefined}
              type="checkbox"
              checked={draft.events.includes(event)}
              onChange={(change) => toggle(event, change.currentTarget.checked)}
            />
            <span>
              {WEBHOOK_EVENT_LABELS[event]} <span class="mono hint">{event}</span>
            </span>
          </label>
        ))}
        {problems.events ? (
          <p class="field-error" id={`${idPrefix}-events-error`}>
            {problems.events}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
