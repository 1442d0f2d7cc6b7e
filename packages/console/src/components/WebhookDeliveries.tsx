import type { Paged, WebhookDelivery } from '../api/types';
import { formatDateTime } from '../format';
import { useAction } from '../hooks/use-action';
import { useLoadMore } from '../hooks/use-load-more';
import { admin, notice, type Remote } from '../store';
import { deliveryOutcome } from '../webhook-format';
import { Async } from './Async';
import { Empty } from './Empty';
import { LoadMore } from './LoadMore';

interface WebhookDeliveriesProps {
  projectId: string;
  endpointId: string;
  /** The log's first page, read by the page so an action there can reload it. */
  log: {
    remote: Remote<Paged<WebhookDelivery>>;
    reload: () => void;
    set: (page: Paged<WebhookDelivery>) => void;
  };
  canWrite: boolean;
}

/**
 * The delivery log, newest first: each event's type, outcome, attempts, the receiver's answer
 * (its first 500 bytes) and, for admins, "Redeliver". Read again on demand, not polled.
 */
export function WebhookDeliveries({
  projectId,
  endpointId,
  log,
  canWrite,
}: WebhookDeliveriesProps) {
  const api = admin(projectId);
  const more = useLoadMore((cursor) => api.webhookDeliveries(endpointId, cursor), log.set);
  const { busy, error, run } = useAction();

  const redeliver = (page: Paged<WebhookDelivery>, delivery: WebhookDelivery) =>
    run(async () => {
      const queued = await api.redeliver(endpointId, delivery.id);
      log.set({
        ...page,
        items: page.items.map((item) => (item.id === queued.id ? queued : item)),
      });
      notice.value = `${delivery.type} queued again with the same webhook-id.`;
    }, delivery.id);

  return (
    <section class="stack" aria-labelledby="deliveries-heading">
      <div class="row-between">
        <h2 id="deliveries-heading">Deliveries</h2>
        <button type="button" class="secondary" onClick={log.reload}>
          Refresh the log
        </button>
      </div>
      <Async remote={log.remote} what="deliveries" retry={log.reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>
              <p>
                Nothing sent yet. Events this endpoint subscribed to appear here as they happen
                {canWrite ? '; send a test event to try it now' : ''}.
              </p>
            </Empty>
          ) : (
            <>
              <ul class="plain cards">
                {page.items.map((delivery) => (
                  <DeliveryCard
                    key={delivery.id}
                    delivery={delivery}
                    busy={busy}
                    onRedeliver={canWrite ? () => redeliver(page, delivery) : undefined}
                  />
                ))}
              </ul>
              <LoadMore page={page} more={more} />
            </>
          )
        }
      </Async>
      <div role="alert" class="form-error">
        {error}
      </div>
    </section>
  );
}

interface DeliveryCardProps {
  delivery: WebhookDelivery;
  /** The id of the delivery being queued again, if any: every button waits meanwhile. */
  busy: string | undefined;
  /** Absent for members, and for a delivery still pending. */
  onRedeliver: (() => void) | undefined;
}

function DeliveryCard({ delivery, busy, onRedeliver }: DeliveryCardProps) {
  const attempts = delivery.attempts === 1 ? '1 attempt' : `${delivery.attempts} attempts`;
  const last = delivery.lastAttemptAt ? ` · last ${formatDateTime(delivery.lastAttemptAt)}` : '';
  return (
    <li class="card stack">
      <div class="row-between">
        <span class="mono">{delivery.type}</span>
        <span class={DELIVERY_BADGES[delivery.status]}>{STATUS_LABELS[delivery.status]}</span>
      </div>
      <p>{deliveryOutcome(delivery)}</p>
      <p class="hint">
        Queued {formatDateTime(delivery.createdAt)} · {attempts}
        {last}
      </p>
      <p class="hint">
        webhook-id <span class="mono break">{delivery.id}</span>
      </p>
      {delivery.responseExcerpt ? (
        <details>
          <summary>Response from your server</summary>
          <pre class="code prewrap break">{delivery.responseExcerpt}</pre>
        </details>
      ) : null}
      {onRedeliver && delivery.status !== 'pending' ? (
        <div class="actions">
          <button
            type="button"
            class="secondary"
            disabled={busy !== undefined}
            onClick={onRedeliver}
          >
            {busy === delivery.id ? 'Queuing…' : 'Redeliver'}
            <span class="visually-hidden"> {delivery.type}</span>
          </button>
        </div>
      ) : null}
    </li>
  );
}

const DELIVERY_BADGES: Record<WebhookDelivery['status'], string> = {
  pending: 'badge badge-warn',
  delivered: 'badge badge-active',
  failed: 'badge badge-off',
};

const STATUS_LABELS: Record<WebhookDelivery['status'], string> = {
  pending: 'Pending',
  delivered: 'Delivered',
  failed: 'Failed',
};
