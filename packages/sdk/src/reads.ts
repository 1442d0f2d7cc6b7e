import { RapportError } from './errors';
import { errorFromResponse, isAcknowledgement } from './outbox/classify-response';
import type { Transport, TransportRequest, TransportResponse } from './transports/transport';

/**
 * Sends a read (or the redeem call) straight through the transport: no outbox, because the
 * caller is waiting for the answer. Resolves the 2xx JSON body; rejects with a {@link RapportError}
 * (`network` when the server could not be reached, the server's own code otherwise).
 */
export async function request(transport: Transport, req: TransportRequest): Promise<unknown> {
  return answerOf(await reach(transport, req));
}

/** The transport's response; a {@link RapportError} `network` when the server was not reached. */
export async function reach(transport: Transport, req: TransportRequest) {
  try {
    return await transport.send(req);
  } catch (cause) {
    throw new RapportError('network', 'Could not reach the Rapport server', { cause });
  }
}

/** The 2xx JSON body of a response; a {@link RapportError} for anything else. */
export function answerOf(response: TransportResponse): unknown {
  if (response.status >= 200 && response.status < 300) {
    if (isAcknowledgement(response.body)) return response.body;
    // A captive portal or proxy page, not Rapport. No status on the error: whether the request
    // got through is unknown, so a redeem keeps its id and its retry cannot charge twice.
    throw new RapportError(
      'http',
      `The server answered ${response.status} with something other than JSON`,
    );
  }
  throw errorFromResponse(response);
}

/** Builds `path?query` from the defined entries of `params`. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
