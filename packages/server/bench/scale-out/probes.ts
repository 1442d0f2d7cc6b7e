/** A request through the proxy as client `ip`; a network failure is status 0. */
async function call(
  proxyUrl: string,
  ip: string,
  method: string,
  path: string,
  key: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  try {
    const res = await fetch(`${proxyUrl}/as/${ip}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  } catch {
    return { status: 0, body: undefined };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one per-IP probe saw. */
export interface IpProbe {
  ip: string;
  label: string;
  /** Status → count (0 = network failure). */
  statuses: Record<string, number>;
}

/**
 * Sends `attempts` `GET /v1/config` as one client address, `concurrency` at a time, through
 * the round-robin proxy (so about half reach each instance). With the counter shared in
 * Redis, exactly the per-IP limit is answered 200; with per-instance counters it would be up
 * to twice that.
 */
export async function probeIpLimit(
  proxyUrl: string,
  key: string,
  ip: string,
  label: string,
  attempts: number,
  concurrency = 8,
): Promise<IpProbe> {
  const statuses: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < attempts) {
      next += 1;
      const { status } = await call(proxyUrl, ip, 'GET', '/v1/config', key);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ip, label, statuses };
}

/** How the redeems of one reward ended. */
export interface RedeemTally {
  attempts: number;
  /** Ids answered 200 (first or replayed answer): the client believes these were charged. */
  won: Set<string>;
  /** Wins whose first answer was lost (502/503/network) and that a retry of the same id found. */
  replayed: number;
  /** 409 `insufficient_points`. */
  refused: number;
  /** Still 5xx or unreachable after every retry of the same id. */
  gaveUp: number;
  other: Record<string, number>;
  /** Tries that got 502, 503 or no answer and were retried with the same id. */
  retriedTries: number;
}

/**
 * Redeems `rewardId` for `userId` `concurrent` at a time every `everyMs` until stopped, each
 * with a fresh id retried (same id, as the SDK's `loyalty.redeem` does) on 502, 503 or a
 * network failure; the server must charge each id once and never past the balance.
 */
export function startRedeems(options: {
  proxyUrl: string;
  key: string;
  userId: string;
  userHash: string;
  rewardId: string;
  everyMs: number;
  concurrent: number;
}): { stop(): Promise<RedeemTally> } {
  const tally: RedeemTally = {
    attempts: 0,
    won: new Set(),
    replayed: 0,
    refused: 0,
    gaveUp: 0,
    other: {},
    retriedTries: 0,
  };
  const inFlight = new Set<Promise<void>>();
  const redeemOnce = async (id: string) => {
    const body = { id, userId: options.userId, userHash: options.userHash };
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const res = await call(
        options.proxyUrl,
        '10.9.0.1',
        'POST',
        '/v1/loyalty/redeem',
        options.key,
        {
          ...body,
          rewardId: options.rewardId,
        },
      );
      if (res.status === 200) {
        tally.won.add(id);
        if ((res.body as { duplicate?: boolean }).duplicate) tally.replayed += 1;
        return;
      }
      if (res.status === 409) {
        tally.refused += 1;
        return;
      }
      if (res.status !== 0 && res.status !== 502 && res.status !== 503) {
        tally.other[res.status] = (tally.other[res.status] ?? 0) + 1;
        return;
      }
      tally.retriedTries += 1;
      await sleep(500 * (attempt + 1));
    }
    tally.gaveUp += 1;
  };
  let sequence = 0;
  const timer = setInterval(() => {
    for (let i = 0; i < options.concurrent; i += 1) {
      sequence += 1;
      tally.attempts += 1;
      const running = redeemOnce(`scale-out-redeem-${sequence}`);
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
    }
  }, options.everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      return tally;
    },
  };
}
