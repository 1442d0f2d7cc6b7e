import { MAX_WEBHOOK_ENDPOINTS, WEBHOOK_FORMATS } from '@rapport/protocol';
import { useState } from 'preact/hooks';
import type { WebhookCreated, WebhookEndpoint, WebhookFormat } from '../api/types';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { PageHeading } from '../components/PageHeading';
import { SecretOnce } from '../components/SecretOnce';
import { SubmitRow } from '../components/SubmitRow';
import {
  eventsFor,
  type WebhookDraft,
  WebhookFields,
  webhookDraftProblems,
} from '../components/WebhookFields';
import { useSubmit } from '../hooks/use-submit';
import { href } from '../router';
import { admin, hasRole, notice, role } from '../store';
import { useRemote } from '../use-remote';
import { endpointProblem, endpointState, shortUrl } from '../webhook-format';

/** `#/projects/:id/webhooks`: the project's endpoints, and a form to add one (admins). */
export function Webhooks({ projectId }: { projectId: string }) {
  const canWrite = hasRole(role.value, 'admin');
  const { remote, reload, set } = useRemote(() => admin(projectId).webhooks(), [projectId]);
  const [created, setCreated] = useState<WebhookCreated | undefined>();

  return (
    <>
      <PageHeading>Webhooks</PageHeading>
      <p>
        Rapport tells your own server when something happens — new feedback, a detractor, a redeemed
        reward — with a signed HTTP POST that follows the{' '}
        <a href="https://www.standardwebhooks.com/" target="_blank" rel="noopener noreferrer">
          Standard Webhooks
        </a>{' '}
        specification, so any of its libraries verifies it. A failed delivery is retried 8 times
        over about a day.
      </p>
      {created ? (
        <div class="stack">
          {created.format === 'slack' ? (
            <p class="form-ok" role="status">
              Slack endpoint {shortUrl(created.url)} added: new events will be posted to its
              channel.
            </p>
          ) : (
            <>
              <p class="form-ok" role="status">
                Endpoint {shortUrl(created.url)} added. Verify each request with this secret.
              </p>
              <SecretOnce id="webhook-secret" label="Signing secret" value={created.secret} />
            </>
          )}
          <p>
            <a href={href(['projects', projectId, 'webhooks', created.id])}>
              Open the endpoint to send a test event
            </a>
          </p>
        </div>
      ) : null}
      <Async remote={remote} what="webhook endpoints" retry={reload}>
        {(page) => (
          <>
            <h2>Endpoints</h2>
            {page.items.length === 0 ? (
              <Empty>
                <p>
                  No endpoints yet.{' '}
                  {canWrite
                    ? 'Add one below to receive events on your server.'
                    : 'An admin or owner of this project can add one.'}
                </p>
              </Empty>
            ) : (
              <ul class="plain cards">
                {page.items.map((endpoint) => (
                  <EndpointCard key={endpoint.id} projectId={projectId} endpoint={endpoint} />
                ))}
              </ul>
            )}
            {canWrite ? (
              page.items.length >= MAX_WEBHOOK_ENDPOINTS ? (
                <p class="notice">
                  This project has {MAX_WEBHOOK_ENDPOINTS} endpoints, the most it may have. Delete
                  one to add another.
                </p>
              ) : (
                <NewEndpoint
                  projectId={projectId}
                  onCreated={(endpoint) => {
                    setCreated(endpoint);
                    const { secret: _secret, ...listed } = endpoint;
                    set({ items: [...page.items, listed] });
                    notice.value = `Endpoint ${shortUrl(endpoint.url)} added.`;
                  }}
                />
              )
            ) : (
              <p class="notice">Only admins and owners can add or change endpoints.</p>
            )}
          </>
        )}
      </Async>
    </>
  );
}

function EndpointCard({ projectId, endpoint }: { projectId: string; endpoint: WebhookEndpoint }) {
  const state = endpointState(endpoint);
  const problem = endpointProblem(endpoint);
  return (
    <li class="card stack">
      <div class="row-between">
        <a class="break" href={href(['projects', projectId, 'webhooks', endpoint.id])}>
          {shortUrl(endpoint.url)}
        </a>
        <span class={state.badge}>{state.label}</span>
      </div>
      <p class="hint">
        {endpoint.format === 'slack' ? 'Slack · ' : ''}
        {endpoint.events.length === 1 ? '1 event' : `${endpoint.events.length} events`}:{' '}
        <span class="mono">{endpoint.events.join(', ')}</span>
      </p>
      {problem ? <p class="warning">{problem}</p> : null}
    </li>
  );
}

const EMPTY_DRAFT: WebhookDraft = { url: '', events: ['feedback.created', 'nps.detractor'] };

const FORMAT_LABELS: Record<WebhookFormat, string> = {
  standard: 'Signed JSON for your server (Standard Webhooks)',
  slack: 'A message in a Slack channel (incoming webhook)',
};

function NewEndpoint({
  projectId,
  onCreated,
}: {
  projectId: string;
  onCreated: (endpoint: WebhookCreated) => void;
}) {
  const [draft, setDraft] = useState<WebhookDraft>(EMPTY_DRAFT);
  const [format, setFormat] = useState<WebhookFormat>('standard');
  const problems = webhookDraftProblems(draft);
  const choose = (next: WebhookFormat) => {
    setFormat(next);
    const allowed = eventsFor(next);
    setDraft({ ...draft, events: draft.events.filter((event) => allowed.includes(event)) });
  };
  const form = useSubmit(
    async () => {
      const endpoint = await admin(projectId).createWebhook({
        url: draft.url.trim(),
        events: draft.events,
        format,
      });
      setDraft(EMPTY_DRAFT);
      setFormat('standard');
      form.setTried(false);
      onCreated(endpoint);
    },
    () => {
      const first = problems.url ? 'new-webhook-url' : problems.events ? 'new-webhook-events' : '';
      if (first) document.getElementById(first)?.focus();
      return problems.url ?? problems.events;
    },
  );
  return (
    <form
      class="card stack"
      onSubmit={form.submit}
      aria-labelledby="new-webhook-heading"
      noValidate
    >
      <h2 id="new-webhook-heading">Add an endpoint</h2>
      <fieldset class="field">
        <legend>Send as</legend>
        {WEBHOOK_FORMATS.map((option) => (
          <label key={option} class="check">
            <input
              type="radio"
              name="new-webhook-format"
              checked={format === option}
              onChange={() => choose(option)}
            />
            <span>{FORMAT_LABELS[option]}</span>
          </label>
        ))}
      </fieldset>
      <WebhookFields
        idPrefix="new-webhook"
        format={format}
        draft={draft}
        onDraft={setDraft}
        problems={form.tried ? problems : {}}
      />
      <SubmitRow form={form} label="Add endpoint" busyLabel="Adding…" />
    </form>
  );
}
