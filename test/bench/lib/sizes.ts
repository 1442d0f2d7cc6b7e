import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import type { Bundle } from './peer-bundles';

/** Compressed sizes of one bundle, all of its files together. */
export interface SizeRow {
  name: string;
  kind: Bundle['kind'];
  note: string;
  minified: number;
  brotli: number;
  gzip: number;
}

/**
 * Minifies each file again with esbuild (a no-op for already minified files, fair to all)
 * and compresses it the way a CDN would: brotli quality 11, gzip level 9.
 */
export async function measureSizes(bundles: Bundle[]): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const bundle of bundles) {
    const row: SizeRow = {
      name: bundle.name,
      kind: bundle.kind,
      note: bundle.note,
      minified: 0,
      brotli: 0,
      gzip: 0,
    };
    for (const file of bundle.files) {
      const code = await minified(file);
      const bytes = Buffer.from(code);
      row.minified += bytes.length;
      row.brotli += brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length;
      row.gzip += gzipSync(bytes, { level: 9 }).length;
    }
    rows.push(row);
  }
  return rows;
}

async function minified(file: string): Promise<string> {
  const source = readFileSync(file, 'utf8');
  if (!file.endsWith('.js')) return source;
  const result = await transform(source, { minify: true, legalComments: 'none' });
  return result.code;
}
