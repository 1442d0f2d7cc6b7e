import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { WebhookDelivery, WebhookEndpoint } from '../src/api/types';
import { projectView } from './fixtures';
import { errorBody, HttpResponse, http, sessionAs, useMsw } from './msw';
import { go, renderApp } from './render-app';

function endpoint(overrides: Partial<WebhookEndpoint> = {}): WebhookEndpoint {
  return {
    id: 'wh_1',
    url: 'https://shop.example/hooks/rapport?token=secret-path-token',
    events: ['feedback.created', 'nps.detractor'],
    format: 'standard',
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    failingSince: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 'msg_1',
    endpointId: 'wh_1',
    type: 'feedback.created',
    status: 'delivered',
    attempts: 1,
    nextAttemptAt: null,
    lastAttemptAt: '2026-12-01T10:00:01.000Z',
    lastStatusCode: 200,
    lastError: null,
    responseExcerpt: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

const WRITES =
  /^(Add endpoint|Send a test event|Disable|Enable again|Rotate the secret|Delete…|Redeliver|Save endpoint)/;

describe('the webhook pages', () => {
  const server = useMsw();

  function serve(role: 'member' | 'admin', endpoints: WebhookEndpoint[], log: WebhookDelivery[]) {
    server.use(
      http.get('*/v1/console/projects/p1', () => HttpResponse.json(projectView({ role }))),
      http.get('*/v1/admin/webhooks', () => HttpResponse.json({ items: endpoints })),
      http.get('*/v1/admin/webhooks/:id', ({ params }) => {
        const found = endpoints.find((item) => item.id === params.id);
        return found
          ? HttpResponse.json(found)
          : errorBody(404, 'not_found', 'No webhook endpoint.');
      }),
      http.get('*/v1/admin/webhooks/:id/deliveries', () => HttpResponse.json({ items: log })),
    );
  }

  it('shows a member each endpoint’s state and log, without the query string, and no write', async () => {
    const failing = endpoint({ failingSince: '2026-12-02T08:00:00.000Z' });
    const disabled = endpoint({
      id: 'wh_2',
      url: 'https://crm.example/in',
      events: ['loyalty.redeemed'],
      enabled: false,
      disabledAt: '2026-12-02T09:00:00.000Z',
      disabledReason: 'Every attempt failed for 5 days.',
    });
    serve(
      'member',
      [failing, disabled],
      [
        delivery({
          status: 'pending',
          attempts: 2,
          lastStatusCode: 500,
          nextAttemptAt: '2026-12-02T10:00:00.000Z',
        }),
        delivery({
          id: 'msg_2',
          status: 'failed',
          attempts: 8,
          lastStatusCode: null,
          lastError: 'timed out after 10000 ms',
        }),
      ],
    );
    renderApp('#/projects/p1/webhooks', sessionAs('member'));

    const first = (await screen.findByRole('link', { name: 'shop.example/hooks/rapport' })).closest(
      'li',
    ) as HTMLElement;
    expect(within(first).getByText('Failing')).toBeTruthy();
    expect(within(first).getByText(/Every attempt has failed since/)).toBeTruthy();
    expect(within(first).getByText('2 events', { exact: false })).toBeTruthy();
    expect(document.body.textContent).not.toContain('secret-path-token');
    const second = screen
      .getByRole('link', { name: 'crm.example/in' })
      .closest('li') as HTMLElement;
    expect(within(second).getByText('Disabled')).toBeTruthy();
    expect(within(second).getByText(/Every attempt failed for 5 days\./)).toBeTruthy();
    expect(screen.getByText('Only admins and owners can add or change endpoints.')).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: WRITES })).toEqual([]);

    go('#/projects/p1/webhooks/wh_1');
    const log = await screen.findByRole('region', { name: 'Deliveries' });
    const [pending, failed] = await within(log).findAllByRole('listitem');
    expect(
      within(pending as HTMLElement).getByText(/^Retrying at .+ \(last: HTTP 500\)$/),
    ).toBeTruthy();
    expect(
      within(failed as HTMLElement).getByText('Gave up after 8 attempts: timed out after 10000 ms'),
    ).toBeTruthy();
    expect(screen.getByText(/Only admins and owners can change this endpoint/)).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: WRITES })).toEqual([]);
  });

  it('lets an admin add an endpoint, checks it first, and shows the secret once', async () => {
    serve('admin', [], []);
    let sent: unknown;
    server.use(
      http.post('*/v1/admin/webhooks', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(
          { ...endpoint({ events: ['feedback.created'] }), secret: 'whsec_c2VjcmV0' },
          { status: 201 },
        );
      }),
    );
    renderApp('#/projects/p1/webhooks', sessionAs('admin'));
    await screen.findByText(/No endpoints yet\./);

    // Nothing is sent while the URL is not a URL or no event is chosen.
    const url = screen.getByLabelText('Endpoint URL');
    fireEvent.input(url, { target: { value: 'shop.example/hooks' } });
    fireEvent.click(screen.getByLabelText(/^An NPS answer scores 0–6/));
    fireEvent.click(screen.getByLabelText(/^A customer sends feedback/));
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(await screen.findByText(/Enter a full http:\/\/ or https:\/\/ URL/)).toBeTruthy();
    expect(screen.getByText('Choose at least one event.')).toBeTruthy();
    expect(url.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(url);
    expect(sent).toBeUndefined();

    fireEvent.input(url, { target: { value: ' https://shop.example/hooks/rapport ' } });
    fireEvent.click(screen.getByLabelText(/^A customer sends feedback/));
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect((await screen.findByText('whsec_c2VjcmV0')).id).toBe('webhook-secret');
    expect(sent).toEqual({
      url: 'https://shop.example/hooks/rapport',
      events: ['feedback.created'],
      format: 'standard',
    });
    expect(screen.getByText('Copy it now: it is shown only once.')).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'shop.example/hooks/rapport' })).toBeTruthy();
  });

  it('offers a Slack endpoint only the events it has messages for, and shows no secret', async () => {
    serve('admin', [], []);
    let sent: unknown;
    server.use(
      http.post('*/v1/admin/webhooks', async ({ request }) => {
        sent = await request.json();
        const slack = endpoint({
          url: 'https://hooks.slack.com/services/T0/B0/x',
          format: 'slack',
          events: ['nps.detractor'],
        });
        return HttpResponse.json({ ...slack, secret: 'whsec_c2VjcmV0' }, { status: 201 });
      }),
    );
    renderApp('#/projects/p1/webhooks', sessionAs('admin'));
    await screen.findByText(/No endpoints yet\./);
    expect(screen.getAllByRole('checkbox')).toHaveLength(8);
    fireEvent.click(screen.getByLabelText(/^A message in a Slack channel/));
    const offered = screen.getAllByRole('checkbox').map((box) => box.closest('label')?.textContent);
    expect(offered).toEqual([
      'A customer sends feedback feedback.created',
      'An NPS answer scores 0–6 nps.detractor',
    ]);
    fireEvent.click(screen.getByLabelText(/^A customer sends feedback/));
    fireEvent.input(screen.getByLabelText('Endpoint URL'), {
      target: { value: 'https://hooks.slack.com/services/T0/B0/x' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    await screen.findByText(/Slack endpoint hooks\.slack\.com\/services\/T0\/B0\/x added/);
    expect(sent).toEqual({
      url: 'https://hooks.slack.com/services/T0/B0/x',
      events: ['nps.detractor'],
      format: 'slack',
    });
    expect(screen.queryByText('whsec_c2VjcmV0')).toBeNull();
  });
});
