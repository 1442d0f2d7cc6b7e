import type { Route } from '../router';
import { ChunkPages } from './ChunkPages';

/** The routes of the webhook chunk. */
export type WebhookRoute =
  | { page: 'webhooks'; projectId: string }
  | Extract<Route, { page: 'webhook' }>;

const loadWebhookPages = () => import('../pages/webhook-pages');

/** The endpoints list or one endpoint's page, from the webhook chunk (fetched on first use). */
export function WebhookSection({ route }: { route: WebhookRoute }) {
  const { projectId } = route;
  return (
    <ChunkPages load={loadWebhookPages} what="webhooks">
      {(pages) =>
        route.page === 'webhooks' ? (
          <pages.Webhooks projectId={projectId} />
        ) : (
          <pages.WebhookEndpoint projectId={projectId} endpointId={route.endpointId} />
        )
      }
    </ChunkPages>
  );
}
