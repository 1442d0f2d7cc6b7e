import { createServer, type Server } from 'node:http';

/** One page the e2e pages server answers with. */
export interface Page {
  body: string;
  /** @default 'text/html; charset=utf-8' */
  type?: string;
  headers?: Record<string, string>;
}

/** A tiny static server on another origin, for pages the storefront must not contain. */
export interface PagesServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `pages[path]`; 404 otherwise. The page factories receive the request's path so
 * one server can answer several variants (e.g. `/clean.html` and `/hostile.html`).
 */
export async function startPagesServer(
  pages: Record<string, Page | (() => Page)>,
): Promise<PagesServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const entry = pages[path];
    if (!entry) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const page = typeof entry === 'function' ? entry() : entry;
    response
      .writeHead(200, {
        'content-type': page.type ?? 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        ...page.headers,
      })
      .end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
