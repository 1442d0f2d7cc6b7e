import { toJson } from '../to-json';
import { DEFAULT_ENDPOINT, joinUrl, readResponse } from './read-response';
import type { Transport } from './transport';

/** Options for {@link beaconTransport}. */
export interface BeaconTransportOptions {
  /** Base URL of the Rapport server. @default 'http://localhost:8787' */
  endpoint?: string;
  /** Publishable key, sent as `?key=` because a beacon cannot carry an `Authorization` header. */
  key: string;
}

/** The status a beacon reports when the browser accepted it: queued for delivery, no answer. */
const BEACON_ACCEPTED = 202;

/**
 * A transport for the moment the page goes away (`pagehide`), when an ordinary request may be
 * cancelled. It uses `navigator.sendBeacon` with a `text/plain` JSON body — the one content type
 * a beacon can send without a CORS preflight, and which the server accepts — and puts the key
 * in the URL. When beacons are missing or refused it falls back to `fetch` with `keepalive`.
 * Browsers cap beacon and keepalive bodies at 64 KiB, so callers send chunks no larger.
 *
 * @example
 * ```ts
 * createClient({ key: 'pk_demo', beacon: beaconTransport({ endpoint, key: 'pk_demo' }) });
 * ```
 */
export function beaconTransport(options: BeaconTransportOptions): Transport {
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  return {
    async send(request) {
      const separator = request.path.includes('?') ? '&' : '?';
      const url = `${joinUrl(endpoint, request.path)}${separator}key=${encodeURIComponent(options.key)}`;
      const body = request.body === undefined ? undefined : toJson(request.body);
      if (request.method === 'POST' && sendBeacon(url, body ?? '')) {
        return { status: BEACON_ACCEPTED, headers: {}, body: undefined };
      }
      const response = await fetch(url, {
        method: request.method,
        keepalive: true,
        ...(body === undefined ? {} : { body, headers: { 'content-type': 'text/plain' } }),
      });
      return readResponse(response);
    },
  };
}

function sendBeacon(url: string, body: string): boolean {
  const nav = (globalThis as { navigator?: Navigator }).navigator;
  if (typeof nav?.sendBeacon !== 'function') return false;
  try {
    // A string body is sent as text/plain;charset=UTF-8.
    return nav.sendBeacon(url, body);
  } catch {
    return false;
  }
}
