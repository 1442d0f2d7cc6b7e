import { createClient, httpTransport } from '@rapport/sdk';
import { mount } from '@rapport/widget';
import { withRequestLog } from './logging-transport';
import { createRequestLog } from './request-log';
import './style.css';

const endpoint = import.meta.env.VITE_RAPPORT_API ?? 'http://localhost:8787';
const key = import.meta.env.VITE_RAPPORT_KEY ?? 'pk_demo';

const logList = document.querySelector<HTMLElement>('[data-request-log]');
const transport = withRequestLog(httpTransport({ endpoint }), {
  requestId: () => `ledgerly-${crypto.randomUUID()}`,
  onRequest: logList ? createRequestLog(logList) : undefined,
});

const client = createClient({ key, endpoint, transport });
const widget = mount(client, { position: 'bottom-right', accent: '#0f766e' });

// Failures never throw into the app; they arrive here.
client.on('error', ({ error }) => console.warn(`rapport: ${error.code}: ${error.message}`));

const actions: Record<string, () => void> = {
  feedback: () => widget.open('feedback'),
  rewards: () => widget.open('loyalty'),
  export: () => void client.track('invoices_exported', { format: 'csv', rows: 3 }),
};
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-action]')) {
  button.addEventListener('click', () => actions[button.dataset.action ?? '']?.());
}

void client.page();
