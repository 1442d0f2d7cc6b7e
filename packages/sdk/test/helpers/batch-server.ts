import type { BatchResponse, Message } from '@rapport/protocol';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';

export const ENDPOINT = 'http://rapport.test';

/** How the fake server answers one `POST /v1/batch`. */
export type BatchReply = (messages: Message[]) => Response | Promise<Response>;

/**
 * An msw server standing in for Rapport's `POST /v1/batch`: it records every request's
 * messages (in arrival order) and answers with `reply`, which each test can swap.
 */
export function createBatchServer() {
  const requests: { messages: Message[]; headers: Headers; at: number }[] = [];
  let reply: BatchReply = (messages) => accept(messages);
  const server = setupServer(
    http.post(`${ENDPOINT}/v1/batch`, async ({ request }) => {
      const body = (await request.json()) as { messages: Message[] };
      requests.push({ messages: body.messages, headers: request.headers, at: Date.now() });
      return reply(body.messages);
    }),
  );
  return {
    server,
    requests,
    /** Every message id the server received, in order, duplicates included. */
    receivedIds: () => requests.flatMap((request) => request.messages.map(({ id }) => id)),
    reply(next: BatchReply) {
      reply = next;
    },
  };
}

/** A 200 batch answer accepting all `messages` except those listed in `rejected`. */
export function accept(messages: Message[], rejected: BatchResponse['rejected'] = []): Response {
  const body: BatchResponse = {
    accepted: messages.length - rejected.length,
    duplicates: 0,
    rejected,
  };
  return HttpResponse.json(body);
}
