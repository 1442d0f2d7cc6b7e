import type { TransportResponse } from './transport';

/** Where the transports send when no endpoint is given. */
export const DEFAULT_ENDPOINT = 'http://localhost:8787';
/** How long the transports wait for an answer before giving up. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Turns a fetch `Response` (from {@link fetchTransport} or ky in {@link httpTransport}) into a {@link TransportResponse}: headers with lower-case names,
 * the body parsed as JSON when it is JSON, kept as text otherwise, `undefined` when empty.
 */
export async function readResponse(response: Response): Promise<TransportResponse> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const text = await response.text().catch(() => '');
  return { status: response.status, headers, body: parseBody(text) };
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Joins an endpoint (with or without a trailing slash) and a path starting with `/`. */
export function joinUrl(endpoint: string, path: string): string {
  return endpoint.replace(/\/+$/, '') + path;
}
