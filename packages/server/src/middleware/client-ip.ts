import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import proxyaddr from 'proxy-addr';

/**
 * Which proxies in front of Rapport to believe about the client's address, with Express's
 * meaning (it is the same library, `proxy-addr`):
 * - `false`: none; the client is the socket's peer.
 * - a hop count `n`: the socket's peer and the `n − 1` hops before it are proxies.
 * - addresses and CIDRs (`'10.0.0.0/8'`, `['loopback', '192.0.2.10']`; also the names
 *   `loopback`, `uniquelocal`, `linklocal`): hops from those addresses are proxies.
 * - `true`: every hop is a proxy, so the client is the leftmost `X-Forwarded-For` entry,
 *   which the client itself wrote unless the proxy replaces the header. Prefer the others.
 *
 * The client is the rightmost address not trusted: a proxy appends the peer it saw, so
 * whatever a client puts in the header stays left of it and is never read.
 */
export type TrustProxy = boolean | number | string | readonly string[];

/** A compiled {@link TrustProxy}: is the hop at `address`, `hop` steps from us, a proxy? */
export type TrustFn = (address: string, hop: number) => boolean;

/**
 * Compiles a {@link TrustProxy}; a string may list several entries separated by commas.
 * @throws TypeError naming an entry that is neither an address, a CIDR nor a known name.
 */
export function compileTrustProxy(trust: TrustProxy): TrustFn {
  if (trust === true) return () => true;
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_, hop) => hop < trust;
  const entries = typeof trust === 'string' ? trust.split(',') : [...trust];
  return proxyaddr.compile(entries.map((entry) => entry.trim()).filter(Boolean));
}

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/**
 * The client's IP: the socket's peer under @hono/node-server, or the rightmost untrusted hop
 * of `X-Forwarded-For` past the trusted proxies (see {@link TrustProxy}). `unknown` when there
 * is no socket (in-process requests) and no trusted header.
 */
export function clientIp(c: Context, trust: TrustFn): string {
  const env = c.env as NodeBindings | undefined;
  const forwarded = c.req.header('x-forwarded-for');
  const request = {
    socket: { remoteAddress: env?.incoming?.socket?.remoteAddress },
    headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  };
  const address = proxyaddr(request as unknown as IncomingMessage, trust);
  return address ? address.slice(0, 64) : 'unknown';
}
