import type { WebhookEndpoint as Endpoint } from '../api/types';
import { Async } from '../components/Async';
import { PageHeading } from '../components/PageHeading';
import { WebhookActions } from '../components/WebhookActions';
import { WebhookDeliveries } from '../components/WebhookDeliveries';
import { WebhookSettings } from '../components/WebhookSettings';
import { href } from '../router';
import { admin, hasRole, role } from '../store';
import { useRemote } from '../use-remote';
import { endpointProblem, endpointState, shortUrl } from '../webhook-format';

/**
 * `#/projects/:id/webhooks/:endpointId`: one endpoint — its state, its settings, a test
 * event, the secret's rotation, deletion, and the delivery log with redelivery.
 */
export function WebhookEndpoint({
  projectId,
  endpointId,
}: {
  projectId: string;
  endpointId: string;
}) {
  const canWrite = hasRole(role.value, 'admin');
  const { remote, reload, set } = useRemote(
    () => admin(projectId).webhook(endpointId),
    [projectId, endpointId],
  );
  const log = useRemote(
    () => admin(projectId).webhookDeliveries(endpointId),
    [projectId, endpointId],
  );
  const back = href(['projects', projectId, 'webhooks']);

  return (
    <Async remote={remote} what="the endpoint" retry={reload}>
      {(endpoint: Endpoint) => {
        const state = endpointState(endpoint);
        const problem = endpointProblem(endpoint);
        return (
          <>
            <p>
              <a href={back}>← All endpoints</a>
            </p>
            <PageHeading>
              <span class="break">{shortUrl(endpoint.url)}</span>
            </PageHeading>
            <p>
              <span class={state.badge}>{state.label}</span>{' '}
              <span class="mono break">{endpoint.url}</span>
            </p>
            {problem ? <p class="warning">{problem}</p> : null}
            {canWrite ? (
              <>
                <WebhookActions
                  projectId={projectId}
                  endpoint={endpoint}
                  onChange={set}
                  onQueued={log.reload}
                />
                <WebhookSettings projectId={projectId} endpoint={endpoint} onSaved={set} />
              </>
            ) : (
              <p class="notice">
                Only admins and owners can change this endpoint, send test events or redeliver.
              </p>
            )}
            <WebhookDeliveries
              projectId={projectId}
              endpointId={endpointId}
              log={log}
              canWrite={canWrite}
            />
          </>
        );
      }}
    </Async>
  );
}
