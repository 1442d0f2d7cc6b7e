import type { Message } from '@rapport/protocol';
import {
  type MemoryTransportResponse,
  memoryTransport,
  type TransportRequest,
} from '../../src/index';

/** A batch answer accepting every message of `request`. */
export function acceptAll(request: TransportRequest): MemoryTransportResponse {
  const { messages } = request.body as { messages: Message[] };
  return { status: 200, body: { accepted: messages.length, duplicates: 0, rejected: [] } };
}

/**
 * An in-process transport whose answers a test scripts: `answer` decides each one (return a
 * promise that never settles for a request still in flight); every request is recorded.
 */
export function scriptedTransport() {
  const requests: TransportRequest[] = [];
  let answer: (
    request: TransportRequest,
  ) => MemoryTransportResponse | Promise<MemoryTransportResponse> = acceptAll;
  const transport = memoryTransport((request) => {
    requests.push(request);
    return answer(request);
  });
  return {
    transport,
    requests,
    /** Ids of every message sent, in order. */
    sentIds: () =>
      requests.flatMap((r) => (r.body as { messages: Message[] }).messages.map(({ id }) => id)),
    answer(next: typeof answer) {
      answer = next;
    },
  };
}
