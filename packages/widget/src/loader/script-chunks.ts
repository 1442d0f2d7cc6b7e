import { HAND_OVER_EVENT } from '../chunks/hand-over';
import type { Texts } from '../i18n/en';
import type { ChunkLoader, UiModule } from '../ui-contract';

/** File names of the content-hashed chunks, filled in by the build (scripts/build.mjs). */
export interface ChunkFiles {
  ui: string;
  locales: Record<string, string>;
}

/**
 * The script-tag build's chunks: each one a classic `<script>` added to `<head>`, from `base`
 * (the folder `rapport.js` came from, or the `chunkBase` option). Classic scripts need no CORS
 * from a CDN, and a script created by a trusted one is allowed by `'strict-dynamic'`; the
 * nonce `rapport.js` was loaded with is passed on for nonce-only policies.
 */
export function scriptChunks(
  base: string,
  nonce: string | undefined,
  files: ChunkFiles,
): ChunkLoader {
  return {
    ui: () => loadScript(base + files.ui, nonce) as Promise<UiModule>,
    locale(tag) {
      const file = files.locales[tag];
      if (!file) return Promise.reject(new Error(`Rapport widget: no locale chunk for "${tag}"`));
      return loadScript(base + file, nonce) as Promise<Texts>;
    },
  };
}

/** Adds a `<script>` for `url` and resolves with what the chunk handed over. */
export function loadScript(url: string, nonce: string | undefined): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    let exports: unknown;
    script.addEventListener(HAND_OVER_EVENT, (event) => {
      exports = (event as CustomEvent).detail;
    });
    script.onload = () => {
      script.remove();
      if (exports) resolve(exports);
      else reject(new Error(`Rapport widget: ${url} is not a Rapport chunk`));
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`Rapport widget: could not load ${url}`));
    };
    if (nonce) script.nonce = nonce;
    script.src = url;
    document.head.append(script);
  });
}

/**
 * Where the chunks are: `explicit` (the `data-chunks` attribute or `chunkBase` option, for a
 * CDN) with a trailing slash, else the folder of the script's own URL.
 */
export function chunkBase(explicit: string | undefined, scriptSrc: string | undefined): string {
  if (explicit) return explicit.endsWith('/') ? explicit : `${explicit}/`;
  if (!scriptSrc) return '';
  try {
    return new URL('.', scriptSrc).href;
  } catch {
    return '';
  }
}
