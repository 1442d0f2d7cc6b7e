import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { answerClientError } from './client-error-answer';

/** Options for {@link startNodeServer}. */
export interface NodeServerOptions {
  /** The app's fetch handler, e.g. `app.fetch`. */
  fetch: (request: Request) => Response | Promise<Response>;
  /** Port to listen on; `0` for any free one. */
  port: number;
  /** Interface to bind. */
  hostname: string;
  /**
   * How long `close()` lets requests in flight finish before it closes their connections.
   * @default 10_000
   */
  shutdownGraceMs?: number;
  /** Called once listening, with the bound address. */
  onListening?: (info: AddressInfo) => void;
}

/** A listening Node HTTP server for a Rapport app. */
export interface NodeServer {
  readonly server: Server;
  /**
   * Stops accepting, closes idle connections at once, lets requests in flight finish for up to
   * `shutdownGraceMs`, then closes whatever is left (a client stalling mid-body included).
   * Resolves once every connection is closed.
   */
  close(): Promise<void>;
}

/** Default of {@link NodeServerOptions.shutdownGraceMs}. */
export const SHUTDOWN_GRACE_MS = 10_000;
/**
 * Longest a client may take to send its headers, and its whole request. Node's defaults
 * (60 s and 300 s) let a slow client hold a connection for five minutes; a request to Rapport
 * is at most 64 KiB, which any live client sends in far less.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;
/** How often connections that finished their last request are closed while shutting down. */
const IDLE_SWEEP_MS = 50;

/**
 * Serves a fetch handler on Node with bounded waits: request timeouts for slow clients,
 * parser refusals answered as JSON errors, and a shutdown that ends within its grace period.
 *
 * @example
 * const node = startNodeServer({ fetch: app.fetch, port: 8787, hostname: '0.0.0.0' });
 * process.once('SIGTERM', () => node.close().then(() => process.exit(0)));
 */
export function startNodeServer(options: NodeServerOptions): NodeServer {
  const graceMs = options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS;
  const server = serve(
    { fetch: options.fetch, port: options.port, hostname: options.hostname },
    options.onListening,
  ) as Server;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.on('clientError', answerClientError);
  let closing: Promise<void> | undefined;

  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      // A keep-alive connection whose request finishes during the grace period goes idle and
      // would keep the server open until the client hangs up: sweep those as they appear.
      const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
      const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(deadline);
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  }

  return { server, close };
}
