import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

// Why not @hono/node-server's serveStatic (2.1): it sends a file as it is on disk — brotli or
// gzip only when a `.br`/`.gz` lies beside it, which neither the widget nor the console build
// writes — sets no ETag and so never answers 304, and stats synchronously on every request. We
// guarantee brotli then gzip by Accept-Encoding, an ETag with 304, and one compression per
// file version (test/static-files-are-compressed-cached-and-private.test.ts), so this stays.

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
/** Types worth compressing; images are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map', '.txt']);

/** One version of a file, with its compressed forms computed once. */
export interface StaticAsset {
  type: string;
  etag: string;
  identity: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
  br?: Uint8Array<ArrayBuffer>;
}

function assetOf(path: string, body: Buffer): StaticAsset {
  const ext = extname(path).toLowerCase();
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const asset: StaticAsset = {
    type: TYPES[ext] ?? 'application/octet-stream',
    etag: `"${hash}"`,
    identity: new Uint8Array(body),
  };
  if (COMPRESSIBLE.has(ext) && body.byteLength > 256) {
    asset.gzip = new Uint8Array(gzipSync(body, { level: 9 }));
    asset.br = new Uint8Array(
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
  return asset;
}

/**
 * Reads files as {@link StaticAsset}s, keeping each path's current version in memory: a stat
 * per request finds out whether the file changed (size or mtime), so a rebuilt bundle is
 * served at once, and brotli (quality 11) and gzip run once per version, never per request.
 */
export function createAssetCache() {
  const cache = new Map<string, { version: string; asset: StaticAsset }>();
  return async function load(path: string): Promise<StaticAsset | undefined> {
    try {
      const info = await stat(path);
      if (!info.isFile()) return undefined;
      const version = `${info.size}:${info.mtimeMs}`;
      const hit = cache.get(path);
      if (hit?.version === version) return hit.asset;
      const asset = assetOf(path, await readFile(path));
      cache.set(path, { version, asset });
      return asset;
    } catch {
      return undefined;
    }
  };
}

/** The encoding to send: brotli, then gzip, when the client accepts it (q > 0). */
function encodingFor(acceptEncoding: string, asset: StaticAsset): 'br' | 'gzip' | undefined {
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name?.trim()),
  );
  if (asset.br && accepted.has('br')) return 'br';
  if (asset.gzip && (accepted.has('gzip') || accepted.has('*'))) return 'gzip';
  return undefined;
}

/** True when `If-None-Match` names this version (or `*`). */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/**
 * Answers with an asset: 304 when `If-None-Match` matches its ETag, else the body in the best
 * encoding the client accepts, with `Vary: Accept-Encoding` so caches keep them apart.
 */
export function respondWithAsset(c: Context, asset: StaticAsset, cacheControl: string): Response {
  const headers: Record<string, string> = {
    etag: asset.etag,
    'cache-control': cacheControl,
    vary: 'Accept-Encoding',
  };
  if (notModified(c.req.header('if-none-match'), asset.etag)) {
    return c.body(null, 304, headers);
  }
  const encoding = encodingFor(c.req.header('accept-encoding') ?? '', asset);
  const body = encoding ? asset[encoding] : asset.identity;
  headers['content-type'] = asset.type;
  if (encoding) headers['content-encoding'] = encoding;
  return c.body(body as Uint8Array<ArrayBuffer>, 200, headers);
}
