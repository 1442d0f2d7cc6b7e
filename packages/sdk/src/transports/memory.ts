import { toJson } from '../to-json';
import type { Transport, TransportRequest, TransportResponse } from './transport';

/** What a {@link memoryTransport} handler returns; `headers` may be left out. */
export type MemoryTransportResponse = Omit<TransportResponse, 'headers'> & {
  headers?: Record<string, string>;
};

/**
 * A transport that hands each request to a function in the same process: for tests, and for
 * running the SDK against an in-process server. Bodies go through a JSON round trip both ways,
 * as they would on the wire, so the handler never shares objects with the SDK.
 *
 * @example
 * ```ts
 * const transport = memoryTransport((request) => ({
 *   status: 200,
 *   body: { accepted: 1, duplicates: 0, rejected: [] },
 * }));
 * ```
 */
export function memoryTransport(
  handler: (
    request: TransportRequest,
  ) => MemoryTransportResponse | Promise<MemoryTransportResponse>,
): Transport {
  return {
    async send(request) {
      const wire: TransportRequest = { ...request, body: roundTrip(request.body) };
      const response = await handler(wire);
      return {
        status: response.status,
        headers: lowerCaseKeys(response.headers ?? {}),
        body: roundTrip(response.body),
      };
    },
  };
}

function roundTrip(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(toJson(value));
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}
