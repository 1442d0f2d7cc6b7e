import { useState } from 'preact/hooks';
import type { WebhookEndpoint } from '../api/types';
import { useSubmit } from '../hooks/use-submit';
import { admin, notice } from '../store';
import { SubmitRow } from './SubmitRow';
import { type WebhookDraft, WebhookFields, webhookDraftProblems } from './WebhookFields';

interface WebhookSettingsProps {
  projectId: string;
  endpoint: WebhookEndpoint;
  onSaved: (endpoint: WebhookEndpoint) => void;
}

/** The endpoint's URL and events, saved with one PATCH. */
export function WebhookSettings({ projectId, endpoint, onSaved }: WebhookSettingsProps) {
  const [draft, setDraft] = useState<WebhookDraft>({ url: endpoint.url, events: endpoint.events });
  const problems = webhookDraftProblems(draft);
  const form = useSubmit(
    async () => {
      const saved = await admin(projectId).updateWebhook(endpoint.id, {
        url: draft.url.trim(),
        events: draft.events,
      });
      onSaved(saved);
      notice.value = 'Endpoint saved.';
    },
    () => {
      const first = problems.url ? 'webhook-url' : problems.events ? 'webhook-events' : '';
      if (first) document.getElementById(first)?.focus();
      return problems.url ?? problems.events;
    },
  );
  return (
    <form class="card stack" onSubmit={form.submit} aria-labelledby="webhook-settings" noValidate>
      <h2 id="webhook-settings">Settings</h2>
      <WebhookFields
        idPrefix="webhook"
        format={endpoint.format}
        draft={draft}
        onDraft={setDraft}
        problems={form.tried ? problems : {}}
      />
      <SubmitRow form={form} label="Save endpoint" busyLabel="Saving…" />
    </form>
  );
}
