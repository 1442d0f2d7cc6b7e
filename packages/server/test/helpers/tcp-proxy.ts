import { connect, createServer, type Server, type Socket } from 'node:net';

/** A TCP proxy a test can cut, stall and restore, to play a dependency's outage for real. */
export interface TcpProxy {
  /** The local port to connect to instead of the target's. */
  port: number;
  /** Drops every open connection and refuses new ones. */
  cut(): Promise<void>;
  /**
   * Makes the target silent, as a frozen host or a network partition does: open connections
   * stay open but nothing more passes either way, and new connections are accepted and held.
   * What was sent meanwhile waits in the socket buffers, as TCP retransmits it, and passes on
   * `restore()`.
   */
  stall(): void;
  /**
   * The next request containing `marker` reaches the database, but its answer is thrown away
   * and the connection dropped: the client cannot tell whether the statement committed.
   */
  dropAnswerTo(marker: string): void;
  /** Ends a stall, and accepts connections again (on the same port) after a cut. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** Forwards 127.0.0.1:<port> to `host:targetPort`. */
export async function createTcpProxy(host: string, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  let marker: string | undefined;
  let stalled = false;

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
      if (stalled) socket.pause();
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
    // 'data' listeners resume a paused socket; a stalled one must stay paused.
    if (stalled) for (const socket of [client, upstream]) socket.pause();
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
    stall() {
      stalled = true;
      for (const socket of sockets) socket.pause();
    },
    async restore() {
      if (stalled) {
        stalled = false;
        for (const socket of sockets) socket.resume();
      }
      if (!server) await listen();
    },
    close: cut,
    dropAnswerTo: (text) => {
      marker = text;
    },
  };
}
