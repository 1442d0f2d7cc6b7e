import { Agent, createServer, request as forward, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the proxy saw it. */
export interface ProxySample {
  /** `performance.now()` when the request arrived. */
  at: number;
  /** Arrival to the last byte of the answer (or of the 502). */
  ms: number;
  path: string;
  /** The client address named by the path prefix, if any. */
  client: string | undefined;
  /** Which upstream it was sent to (0 or 1). */
  upstream: number;
  /** The upstream's status, or 502 when the proxy could not get one. */
  status: number;
  /**
   * `answered`: the upstream's own answer; `unreachable`: no answer (refused, reset before the
   * headers), sent on as 502; `cut`: the upstream died mid-answer, so the client's connection
   * was dropped too.
   */
  outcome: 'answered' | 'unreachable' | 'cut';
}

/** A round-robin HTTP load balancer on loopback that retries nothing. */
export interface RoundRobinProxy {
  url: string;
  /** Points upstream `index` at a new port (an instance restarted on another one). */
  setUpstream(index: number, port: number): void;
  samples: ProxySample[];
  close(): Promise<void>;
}

/**
 * Every simulated client reaches the proxy from 127.0.0.1, so it names the address it stands
 * for in the path: `/as/10.0.0.7/v1/batch` is forwarded as `/v1/batch` with
 * `X-Forwarded-For: 10.0.0.7`, as a real load balancer appends the peer it saw. The instances
 * trust loopback (`RAPPORT_TRUST_PROXY=loopback`), so their per-IP limit counts that address.
 */
const CLIENT_PREFIX = /^\/as\/([0-9.]+)(\/.*)$/;

function badGateway(message: string) {
  return JSON.stringify({ error: { code: 'bad_gateway', message } });
}

/**
 * Starts the proxy. Each request goes to the next upstream in turn, whether it is up or not —
 * like a balancer between two health checks — and any failure to reach it is answered 502
 * at once: nothing is retried here, so every retry the figures show is the SDK's own.
 */
export async function createRoundRobinProxy(ports: number[]): Promise<RoundRobinProxy> {
  const upstreams = [...ports];
  const samples: ProxySample[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  let turn = 0;

  const server = createServer((req, res) => {
    const arrived = performance.now();
    const upstream = turn++ % upstreams.length;
    const match = CLIENT_PREFIX.exec(req.url ?? '/');
    const path = match?.[2] ?? req.url ?? '/';
    const client = match?.[1];
    const headers = { ...req.headers };
    if (client) headers['x-forwarded-for'] = client;
    let recorded = false;
    const record = (status: number, outcome: ProxySample['outcome']) => {
      if (recorded) return;
      recorded = true;
      const ms = performance.now() - arrived;
      samples.push({ at: arrived, ms, path, client, upstream, status, outcome });
    };
    const outgoing = forward(
      {
        host: '127.0.0.1',
        port: upstreams[upstream],
        method: req.method,
        path,
        headers,
        agent,
      },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.once('end', () => record(answer.statusCode ?? 502, 'answered'));
        answer.once('error', () => {
          record(answer.statusCode ?? 502, 'cut');
          res.destroy();
        });
      },
    );
    outgoing.once('error', (error) => {
      if (res.headersSent) {
        record(res.statusCode, 'cut');
        res.destroy();
        return;
      }
      record(502, 'unreachable');
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(badGateway(`upstream ${upstream}: ${(error as NodeJS.ErrnoException).code}`));
    });
    req.pipe(outgoing);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setUpstream(index, next) {
      upstreams[index] = next;
    },
    samples,
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
