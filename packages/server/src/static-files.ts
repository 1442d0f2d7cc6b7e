import { dirname, join, normalize, resolve, sep } from 'node:path';
import { type Context, Hono } from 'hono';
import type { AppEnv } from './app-env';
import { NotFoundError } from './errors';
import {
  installedConsoleDir,
  installedWidgetBundle,
  installedWidgetVersion,
} from './installed-assets';
import { createAssetCache, respondWithAsset } from './static-asset';

/** What a 404 says when the widget bundle is missing: outside and inside the repository. */
const MISSING_WIDGET =
  'The widget bundle was not found. Install @rapport/widget beside @rapport/server, or set RAPPORT_WIDGET_PATH to a rapport.js (in the Rapport repository, `npm run build -w @rapport/widget` builds it).';
/** What a 404 says when the console is missing. */
const MISSING_CONSOLE =
  'The console was not found. Install @rapport/console beside @rapport/server, or set RAPPORT_CONSOLE_DIR to its dist/ folder (in the Rapport repository, `npm run build -w @rapport/console` builds it).';

/** `/rapport.js` keeps its name across releases: short, so a new version reaches sites soon. */
export const WIDGET_CACHE_CONTROL = 'public, max-age=300';
/** A content-hashed file (`name-[hash].js`) never changes under its name. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Pages and anything else: cache, but ask (ETag, 304) every time. */
export const REVALIDATE_CACHE_CONTROL = 'no-cache';

/** `main-C9bdtxI0.js`, `chunk-Bx1_a-9f.css`: a name Vite (or the widget build) derived from content. */
const HASHED_NAME = /-[A-Za-z0-9_-]{8,}\.(?:js|mjs|css|map|woff2?|svg|png)$/;

/** Options for {@link staticFileRoutes}. */
export interface StaticFileOptions {
  /**
   * Directory served at `/` (index.html for `/` and directories). Without one, `/` sends
   * visitors to the console.
   */
  rootDir?: string | undefined;
  /**
   * The widget bundle served at `/rapport.js`; its chunks are served from beside it.
   * @default the installed @rapport/widget's dist/rapport.js
   */
  widgetPath?: string | undefined;
  /**
   * The version of the widget at `widgetPath`: `/rapport@<version>.js` then serves the same
   * file, cached forever, so a page can pin it with a Subresource Integrity hash.
   * @default the installed @rapport/widget's version when `widgetPath` is not given, else none
   */
  widgetVersion?: string | undefined;
  /**
   * The console's built single-page app, served at `/console/`.
   * @default the installed @rapport/console's dist/
   */
  consoleDir?: string | undefined;
}

/**
 * The widget's scripts are public and read without credentials, so any page may fetch them in
 * CORS mode: `<script integrity crossorigin="anonymous">` needs that to check the hash.
 */
function allowAnyOrigin<C extends Context>(c: C): C {
  c.header('Access-Control-Allow-Origin', '*');
  return c;
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
  const root = options.rootDir === undefined ? undefined : resolve(options.rootDir);
  const widgetPath = options.widgetPath ?? installedWidgetBundle();
  const widgetVersion =
    options.widgetVersion ?? (options.widgetPath ? undefined : installedWidgetVersion());
  const consoleDir = options.consoleDir ?? installedConsoleDir();
  const consoleRoot = consoleDir === undefined ? undefined : resolve(consoleDir);
  const load = createAssetCache();
  return (
    new Hono<AppEnv>()
      .get('/rapport.js', async (c) => {
        const asset = widgetPath ? await load(widgetPath) : undefined;
        if (!asset) throw new NotFoundError(MISSING_WIDGET);
        return respondWithAsset(allowAnyOrigin(c), asset, WIDGET_CACHE_CONTROL);
      })
      // The same file under its version, for a page that pins it with an integrity hash.
      .get('/:file{rapport@[0-9A-Za-z.+-]+\\.js}', async (c) => {
        const asked = c.req.param('file').slice('rapport@'.length, -'.js'.length);
        if (asked !== widgetVersion) {
          throw new NotFoundError(
            widgetVersion
              ? `This server has widget ${widgetVersion}: use /rapport@${widgetVersion}.js, or /rapport.js for whichever version it has.`
              : 'This server serves no versioned widget (RAPPORT_WIDGET_PATH is set): use /rapport.js.',
          );
        }
        const asset = widgetPath ? await load(widgetPath) : undefined;
        if (!asset) throw new NotFoundError(MISSING_WIDGET);
        return respondWithAsset(allowAnyOrigin(c), asset, IMMUTABLE_CACHE_CONTROL);
      })
      // The widget's lazily loaded chunks (`rapport-ui-3f9a2c1b.js`), beside rapport.js. The
      // name carries the content hash, so a chunk never changes: cache it for a year.
      .get('/:chunk{rapport-[a-z]+-[0-9a-f]{8}\\.js}', async (c, next) => {
        if (!widgetPath) return next();
        const asset = await load(join(dirname(widgetPath), c.req.param('chunk')));
        if (!asset) return next();
        return respondWithAsset(allowAnyOrigin(c), asset, IMMUTABLE_CACHE_CONTROL);
      })
      .get('/console', (c) => c.redirect('/console/', 301))
      .get('/console/*', async (c) => {
        if (!consoleRoot) throw new NotFoundError(MISSING_CONSOLE);
        const path = fileIn(consoleRoot, c.req.path.slice('/console'.length));
        const file = path ? await load(path) : undefined;
        if (file && path) return respondWithAsset(c, file, cacheControlOf(path));
        // A single-page app: every other path is a route of the console's own router.
        const index = await load(join(consoleRoot, 'index.html'));
        if (!index) throw new NotFoundError(MISSING_CONSOLE);
        return respondWithAsset(c, index, REVALIDATE_CACHE_CONTROL);
      })
      .get('*', async (c, next) => {
        if (c.req.path.startsWith('/v1/')) return next();
        if (!root) {
          if (c.req.path === '/') return c.redirect('/console/', 302);
          throw new NotFoundError(
            `No file ${c.req.path.slice(0, 200)} on this server: it serves the API, /rapport.js and /console/. Set RAPPORT_STATIC_DIR to serve a folder of your own at /.`,
          );
        }
        const path = fileIn(root, c.req.path);
        if (!path) return next();
        const asset = await load(path);
        if (!asset) {
          throw new NotFoundError(
            `No file ${c.req.path.slice(0, 200)} on this site. Set RAPPORT_STATIC_DIR to serve another folder at /.`,
          );
        }
        return respondWithAsset(c, asset, cacheControlOf(path));
      })
  );
}
