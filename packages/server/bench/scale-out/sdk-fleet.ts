import {
  createClient,
  fetchTransport,
  memoryStore,
  type RapportClient,
  type Transport,
} from '../../../sdk/src/index';

/** What one SDK client wrote and what became of it, from its own events. */
export interface FleetClient {
  client: RapportClient;
  /** Message id → kind, for every write the client accepted into its outbox. */
  created: Map<string, 'track' | 'feedback'>;
  /** Ids the client heard `sent` for: acknowledged by the server. */
  acked: Set<string>;
  /** Ids the client gave up on (`error` with a message, `dropped`), with the reason. */
  failed: Map<string, string>;
}

/** How the clients' requests ended, as their transport saw them. */
export interface TransportTally {
  byStatus: Map<number, number>;
  /** Thrown by the transport: refused, reset, timed out. */
  network: number;
}

/** N SDK clients, each with its own storage (so its own outbox) and its own client address. */
export interface Fleet {
  clients: FleetClient[];
  tally: TransportTally;
  /** One more write from the next client in turn: every fifth is feedback, the rest track. */
  write(): void;
  /** Messages written but neither acknowledged nor given up on. */
  pending(): number;
  /**
   * Asks every client with something waiting to send it now (what the next write on a page
   * does), until nothing is pending or `timeoutMs` passed; resolves with the ms it took, or
   * undefined on timeout.
   */
  drain(timeoutMs: number): Promise<number | undefined>;
  destroy(): void;
}

/** The default fetch transport, counting how each request ended. */
function countingTransport(endpoint: string, tally: TransportTally): Transport {
  const inner = fetchTransport({ endpoint });
  return {
    async send(request) {
      try {
        const response = await inner.send(request);
        tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
        return response;
      } catch (error) {
        tally.network += 1;
        throw error;
      }
    },
  };
}

function watch(entry: FleetClient): FleetClient {
  const { client } = entry;
  client.on('sent', ({ message }) => {
    entry.acked.add(message.id);
  });
  client.on('error', ({ error, message }) => {
    if (message) entry.failed.set(message.id, error.code);
  });
  client.on('dropped', ({ messages }) => {
    for (const message of messages) entry.failed.set(message.id, 'dropped');
  });
  return entry;
}

/**
 * Creates `count` clients of `key` against `proxyUrl`, each reaching it as address
 * `10.0.<i / 250>.<i % 250 + 1>` (see the proxy's client prefix).
 */
export function createFleet(key: string, proxyUrl: string, count: number): Fleet {
  const tally: TransportTally = { byStatus: new Map(), network: 0 };
  const clients = Array.from({ length: count }, (_, i) => {
    const endpoint = `${proxyUrl}/as/10.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;
    const created = new Map<string, 'track' | 'feedback'>();
    const client = createClient({
      key,
      endpoint,
      storage: memoryStore(),
      transport: countingTransport(endpoint, tally),
      // Called as the write enters the outbox: the id is known before any attempt to send.
      beforeSend(message) {
        created.set(message.id, message.type === 'feedback' ? 'feedback' : 'track');
        return message;
      },
    });
    return watch({ client, created, acked: new Set(), failed: new Map() });
  });
  let sequence = 0;
  const pendingOf = (entry: FleetClient) => {
    let waiting = 0;
    for (const id of entry.created.keys()) {
      if (!entry.acked.has(id) && !entry.failed.has(id)) waiting += 1;
    }
    return waiting;
  };
  const pending = () => clients.reduce((sum, entry) => sum + pendingOf(entry), 0);

  return {
    clients,
    tally,
    write() {
      sequence += 1;
      const entry = clients[sequence % count];
      if (!entry) return;
      const kind = sequence % 5 === 0 ? 'feedback' : 'track';
      const receipt =
        kind === 'feedback'
          ? entry.client.feedback({ message: `Scale-out feedback ${sequence}`, category: 'idea' })
          : entry.client.track('Scale-out tick', { sequence });
      // A refused write (queue full) is counted from the client's own events.
      receipt.catch(() => {});
    },
    pending,
    async drain(timeoutMs) {
      const started = performance.now();
      while (performance.now() - started < timeoutMs) {
        if (pending() === 0) return Math.round(performance.now() - started);
        await Promise.all(
          clients.filter((entry) => pendingOf(entry) > 0).map((entry) => entry.client.flush()),
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return pending() === 0 ? Math.round(performance.now() - started) : undefined;
    },
    destroy() {
      for (const entry of clients) entry.client.destroy();
    },
  };
}
