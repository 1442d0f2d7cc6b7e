import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { NotFoundError } from './errors';
import { createAssetCache, respondWithAsset } from './static-asset';

/** `/rapport.js` keeps its name across releases: short, so a new version reaches sites soon. */
export const WIDGET_CACHE_CONTROL = 'public, max-age=300';
/** A content-hashed file (`name-[hash].js`) never changes under its name. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Pages and anything else: cache, but ask (ETag, 304) every time. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

/** `main-C9bdtxI0.js`, `chunk-Bx1_a-9f.css`: a name Vite (or the widget build) derived from content. */
const HASHED_NAME = /-[A-Za-z0-9_-]{8,}\.(?:js|mjs|css|map|woff2?|svg|png)$/;

const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../console/dist/', import.meta.url));

/** Options for {@link staticFileRoutes}. */
export interface StaticFileOptions {
  /** Directory served at `/` (index.html for `/` and directories). */
  rootDir: string;
  /** The widget bundle served at `/rapport.js`. */
  widgetPath: string;
  /**
   * The console's built single-page app, served at `/console/`.
   * @default packages/console/dist (resolved from the server package)
   */
  consoleDir?: string;
}

function cacheControlOf(path: string): string {
  return HASHED_NAME.test(path) ? IMMUTABLE_CACHE_CONTROL : REVALIDATE_CACHE_CONTROL;
}

/** The file a URL path names inside `root`, or undefined when it would leave `root`. */
function fileIn(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const path = join(root, relative);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  return urlPath.endsWith('/') || path === root ? join(path, 'index.html') : path;
}

/**
 * Serves the widget bundle, the console and the demo site, each compressed (brotli, gzip)
 * by Accept-Encoding with an ETag (304 on `If-None-Match`). Paths resolve inside their
 * directory only, so `..` cannot escape it; a missing file is a 404 that says what to build
 * or configure without showing the server's file system (issue 9, item 10).
 */
export function staticFileRoutes(options: StaticFileOptions): Hono<AppEnv> {
  const root = resolve(options.rootDir);
  const consoleRoot = resolve(options.consoleDir ?? DEFAULT_CONSOLE_DIR);
  const load = createAssetCache();
  return (
    new Hono<AppEnv>()
      .get('/rapport.js', async (c) => {
        const asset = await load(options.widgetPath);
        if (!asset) {
          throw new NotFoundError(
            'The widget bundle is not built yet. Run `npm run build -w @rapport/widget`, or set RAPPORT_WIDGET_PATH.',
          );
        }
        return respondWithAsset(c, asset, WIDGET_CACHE_CONTROL);
      })
      // The widget's lazily loaded chunks (`rapport-ui-3f9a2c1b.js`), beside rapport.js. The
      // name carries the content hash, so a chunk never changes: cache it for a year.
      .get('/:chunk{rapport-[a-z]+-[0-9a-f]{8}\\.js}', async (c, next) => {
        const asset = await load(join(dirname(options.widgetPath), c.req.param('chunk')));
        if (!asset) return next();
        return respondWithAsset(c, asset, IMMUTABLE_CACHE_CONTROL);
      })
      .get('/console', (c) => c.redirect('/console/', 301))
      .get('/console/*', async (c) => {
        const path = fileIn(consoleRoot, c.req.path.slice('/console'.length));
        const file = path ? await load(path) : undefined;
        if (file && path) return respondWithAsset(c, file, cacheControlOf(path));
        // A single-page app: every other path is a route of the console's own router.
        const index = await load(join(consoleRoot, 'index.html'));
        if (!index) {
          throw new NotFoundError(
            'The console is not built yet. Run `npm run build -w @rapport/console`, or set RAPPORT_CONSOLE_DIR.',
          );
        }
        return respondWithAsset(c, index, REVALIDATE_CACHE_CONTROL);
      })
      .get('*', async (c, next) => {
        if (c.req.path.startsWith('/v1/')) return next();
        const path = fileIn(root, c.req.path);
        if (!path) return next();
        const asset = await load(path);
        if (!asset) {
          throw new NotFoundError(
            `No file ${c.req.path.slice(0, 200)} on this site. The demo site is examples/script-tag/; set RAPPORT_STATIC_DIR to serve another folder.`,
          );
        }
        return respondWithAsset(c, asset, cacheControlOf(path));
      })
  );
}
