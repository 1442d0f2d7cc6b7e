import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { NotFoundError } from './errors';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileBody(path: string): Promise<Buffer | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return await readFile(path);
  } catch {
    return undefined;
  }
}

function typeOf(path: string) {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Options for {@link staticFileRoutes}. */
export interface StaticFileOptions {
  /** Directory served at `/` (index.html for `/` and directories). */
  rootDir: string;
  /** The widget bundle served at `/rapport.js`. */
  widgetPath: string;
}

/**
 * Serves the demo site and the widget bundle. Paths are resolved inside `rootDir` only, so
 * `..` cannot escape it; a missing file is a 404 that says what to build or configure.
 */
export function staticFileRoutes(options: StaticFileOptions): Hono<AppEnv> {
  const root = resolve(options.rootDir);
  return (
    new Hono<AppEnv>()
      .get('/rapport.js', async (c) => {
        const body = await fileBody(options.widgetPath);
        if (!body) {
          throw new NotFoundError(
            `The widget bundle is not built yet (${options.widgetPath}). Run \`npm run build -w @rapport/widget\`, or set RAPPORT_WIDGET_PATH.`,
          );
        }
        return c.body(new Uint8Array(body), 200, { 'content-type': TYPES['.js'] ?? '' });
      })
      // The widget's lazily loaded chunks (`rapport-ui-3f9a2c1b.js`), beside rapport.js. The
      // name carries the content hash, so a chunk never changes: cache it for a year.
      .get('/:chunk{rapport-[a-z]+-[0-9a-f]{8}\\.js}', async (c, next) => {
        const body = await fileBody(join(dirname(options.widgetPath), c.req.param('chunk')));
        if (!body) return next();
        return c.body(new Uint8Array(body), 200, {
          'content-type': TYPES['.js'] ?? '',
          'cache-control': 'public, max-age=31536000, immutable',
        });
      })
      .get('*', async (c, next) => {
        if (c.req.path.startsWith('/v1/')) return next();
        let decoded: string;
        try {
          decoded = decodeURIComponent(c.req.path);
        } catch {
          return next();
        }
        const relative = normalize(decoded).replace(/^([/\\])+/, '');
        let path = join(root, relative);
        if (path !== root && !path.startsWith(root + sep)) return next();
        if (c.req.path.endsWith('/') || path === root) path = join(path, 'index.html');
        const body = await fileBody(path);
        if (!body) {
          throw new NotFoundError(
            `No file ${c.req.path.slice(0, 200)} in ${root}. The demo site lives in examples/script-tag/; set RAPPORT_STATIC_DIR to serve another folder.`,
          );
        }
        return c.body(new Uint8Array(body), 200, { 'content-type': typeOf(path) });
      })
  );
}
