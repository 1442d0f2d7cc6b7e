import { useRef, useState } from 'preact/hooks';
import type { WebhookEndpoint, WebhookSecretRotated } from '../api/types';
import { formatDateTime } from '../format';
import { useAction } from '../hooks/use-action';
import { navigate } from '../router';
import { admin, notice } from '../store';
import { shortUrl } from '../webhook-format';
import { SecretOnce } from './SecretOnce';

interface WebhookActionsProps {
  projectId: string;
  endpoint: WebhookEndpoint;
  /** The endpoint after a change the server answered with. */
  onChange: (endpoint: WebhookEndpoint) => void;
  /** A delivery was queued (the test event): the log should be read again. */
  onQueued: () => void;
}

/**
 * Send a test event, disable or enable, rotate the signing secret (shown once), and delete
 * after a confirmation. For admins and owners; the server checks the role too.
 */
export function WebhookActions({ projectId, endpoint, onChange, onQueued }: WebhookActionsProps) {
  const action = useAction();
  const { run, error } = action;
  const busy = action.busy !== undefined;
  const [rotated, setRotated] = useState<WebhookSecretRotated | undefined>();
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const api = admin(projectId);
  const name = shortUrl(endpoint.url);

  const test = () =>
    run(async () => {
      await api.testWebhook(endpoint.id);
      notice.value = 'Test event queued: it appears in the log below within seconds.';
      onQueued();
    });
  const toggle = () =>
    run(async () => {
      const saved = await api.updateWebhook(endpoint.id, { enabled: !endpoint.enabled });
      onChange(saved);
      notice.value = saved.enabled
        ? `${name} is enabled again: new events are sent to it.`
        : `${name} is disabled: nothing is sent to it until you enable it.`;
    });
  const rotate = () =>
    run(async () => {
      setRotated(await api.rotateWebhookSecret(endpoint.id));
      notice.value = 'New signing secret created.';
    });
  const remove = () =>
    run(async () => {
      await api.deleteWebhook(endpoint.id);
      notice.value = `Endpoint ${name} deleted.`;
      navigate(['projects', projectId, 'webhooks']);
    });

  return (
    <section class="stack" aria-labelledby="webhook-actions-heading">
      <h2 id="webhook-actions-heading">Actions</h2>
      <div class="actions">
        <button type="button" disabled={busy || !endpoint.enabled} onClick={test}>
          Send a test event
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={toggle}>
          {endpoint.enabled ? 'Disable' : 'Enable again'}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={rotate}>
          Rotate the secret
        </button>
        <button
          ref={deleteButton}
          type="button"
          class="secondary"
          aria-expanded={confirming}
          disabled={busy}
          onClick={() => {
            setConfirming(!confirming);
            setTimeout(() => document.getElementById('confirm-webhook-delete')?.focus());
          }}
        >
          Delete…
        </button>
      </div>
      {endpoint.enabled ? null : (
        <p class="hint">A disabled endpoint receives nothing, test events included.</p>
      )}
      {rotated ? (
        <SecretOnce
          id="rotated-webhook-secret"
          label="New signing secret"
          value={rotated.secret}
          note={`Until ${formatDateTime(rotated.previousSecretValidUntil)} each request carries two signatures, one per secret, so your server can switch without missing an event.`}
        />
      ) : null}
      {confirming ? (
        <div class="stack">
          <p>Delete {name}? Nothing more is sent to it, and its delivery log is deleted with it.</p>
          <div class="actions">
            <button
              id="confirm-webhook-delete"
              type="button"
              class="danger"
              disabled={busy}
              onClick={remove}
            >
              Delete endpoint
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setConfirming(false);
                deleteButton.current?.focus();
              }}
            >
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      <div role="alert" class="form-error">
        {error}
      </div>
    </section>
  );
}
