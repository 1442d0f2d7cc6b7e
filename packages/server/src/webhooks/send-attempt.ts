import http from 'node:http';
import https from 'node:https';
import { WEBHOOK_RESPONSE_EXCERPT_BYTES } from '@rapport/protocol';
import { checkedLookup, isPrivateAddress, literalAddressOf } from './destination';

/** One POST of a delivery to its endpoint. */
export interface AttemptRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Longest the whole attempt may take: connect, answer and excerpt. */
  timeoutMs: number;
  /** Connect to loopback, private and link-local addresses too (`RAPPORT_WEBHOOKS_ALLOW_PRIVATE=1`). */
  allowPrivate: boolean;
  /** Aborts the attempt without an outcome (shutdown): the promise rejects. */
  signal?: AbortSignal;
}

/**
 * How one attempt ended, from a fixed set (the metrics' `outcome` label): a 2xx answer, another
 * answer (redirects included), no answer in time, a destination refused by the SSRF guard, or
 * no answer at all (DNS, connection refused or reset, TLS).
 */
export type AttemptKind = 'delivered' | 'rejected' | 'timeout' | 'refused' | 'unreachable';

/** What one attempt came to, as the delivery log records it. */
export interface AttemptOutcome {
  /** A 2xx answer. */
  ok: boolean;
  kind: AttemptKind;
  statusCode: number | null;
  /** Why it failed without a 2xx: a timeout, a refused address, a redirect, a reset. */
  error: string | null;
  /** The first bytes of a text answer. */
  excerpt: string | null;
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|problem\+json)|[^;]*\+(json|xml))/i;

/** The first bytes of a text body, control characters dropped; null for anything else. */
function excerptOf(contentType: string | undefined, bytes: Buffer): string | null {
  if (bytes.length === 0 || !TEXT_TYPES.test(contentType ?? '')) return null;
  const text = new TextDecoder().decode(bytes.subarray(0, WEBHOOK_RESPONSE_EXCERPT_BYTES));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping them is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function failed(
  kind: Exclude<AttemptKind, 'delivered' | 'rejected'>,
  error: string,
): AttemptOutcome {
  return { ok: false, kind, statusCode: null, error, excerpt: null };
}

/**
 * POSTs a signed delivery once. Redirects are never followed (a 3xx is a failure: following
 * one would let a public endpoint point the server at a private one); past `timeoutMs` the
 * attempt fails as timed out. Unless `allowPrivate`, a host that is or resolves to a private,
 * loopback or link-local address is refused, and the socket connects to the address that was
 * checked (see {@link checkedLookup}). Proxy variables are not read.
 */
export function postWebhook(request: AttemptRequest): Promise<AttemptOutcome> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const literal = literalAddressOf(url);
    if (!request.allowPrivate && literal && isPrivateAddress(literal)) {
      resolve(failed('refused', `refused: ${literal} is a private address`));
      return;
    }
    const timeout = AbortSignal.timeout(request.timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) },
        signal,
        ...(request.allowPrivate ? {} : { lookup: checkedLookup }),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        let settled = false;
        const finish = () => {
          if (settled) return;
          settled = true;
          const ok = status >= 200 && status < 300;
          const redirect = status >= 300 && status < 400;
          resolve({
            ok,
            kind: ok ? 'delivered' : 'rejected',
            statusCode: status,
            error: redirect ? 'redirects are not followed' : null,
            excerpt: excerptOf(res.headers['content-type'], Buffer.concat(chunks)),
          });
        };
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // The log keeps 500 bytes: reading more would only let a receiver make us wait.
          if (size >= WEBHOOK_RESPONSE_EXCERPT_BYTES) {
            finish();
            res.destroy();
          }
        });
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', finish);
      },
    );
    req.on('error', (error: Error & { code?: string }) => {
      if (request.signal?.aborted) reject(request.signal.reason);
      else if (timeout.aborted)
        resolve(failed('timeout', `timed out after ${request.timeoutMs} ms`));
      else if (error.name === 'DestinationRefusedError')
        resolve(failed('refused', `refused: ${error.message}`));
      else
        resolve(
          failed('unreachable', error.code ? `${error.code}: ${error.message}` : error.message),
        );
    });
    req.end(request.body);
  });
}
