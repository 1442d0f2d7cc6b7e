import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
}

/** How the receiver answers one request; the default is 200. */
export type Answer = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP receiver on 127.0.0.1 that records what it gets and answers as told. */
export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answers for the next requests, in order; after them, 200. */
  answerNext(...answers: Answer[]): void;
  /** Forgets what was received and the answers not given yet. */
  reset(): void;
  close(): Promise<void>;
}

export const status =
  (code: number, body = '', type = 'text/plain'): Answer =>
  (_req, res) => {
    res.writeHead(code, { 'content-type': type });
    res.end(body);
  };

export async function startWebhookReceiver(path = '/hooks'): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const queue: Answer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
      );
      received.push({ headers, body: Buffer.concat(chunks).toString('utf8') });
      (queue.shift() ?? status(200, 'ok'))(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    answerNext: (...answers) => queue.push(...answers),
    reset: () => {
      received.length = 0;
      queue.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
