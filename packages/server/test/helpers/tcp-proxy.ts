import { connect, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy a test can cut and restore, to play a database outage for real. */
export interface TcpProxy {
  /** The local port to connect to instead of the target's. */
  port: number;
  /** Drops every open connection and refuses new ones. */
  cut(): Promise<void>;
  /**
   * The next request containing `marker` reaches the database, but its answer is thrown away
   * and the connection dropped: the client cannot tell whether the statement committed.
   */
  dropAnswerTo(marker: string): void;
  /** Accepts connections again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** Forwards 127.0.0.1:<port> to `host:targetPort`. */
export async function createTcpProxy(host: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  let marker: string | undefined;

  function pipeTo(client: Socket) {
    const upstream = connect(targetPort, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    let doomed = false;
    client.on('data', (chunk: Buffer) => {
      if (marker && chunk.includes(marker)) {
        doomed = true;
        marker = undefined;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      // The answer arrives after the commit (PostgreSQL flushes at Sync), so it is dropped.
      if (doomed) client.destroy();
      else client.write(chunk);
    });
  }

  async function listen() {
    const next = createServer(pipeTo);
    await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve));
    port = (next.address() as { port: number }).port;
    server = next;
  }

  async function cut() {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise((resolve) => closing.close(resolve));
  }

  await listen();
  return {
    port,
    cut,
    restore: listen,
    close: cut,
    dropAnswerTo: (text) => {
      marker = text;
    },
  };
}
