import { defineConfig } from 'vite';

/** The server the dev server proxies to; `npm start` listens on 8787. */
const API = process.env.RAPPORT_API ?? 'http://localhost:8787';

/**
 * The console is served by the Rapport server at /console/ (hash routing, so no rewrite rules),
 * with content-hashed assets. `preview.html` is the widget preview page the widget settings
 * page frames: same origin, so it can load the real /rapport.js under the console's CSP.
 */
export default defineConfig({
  base: '/console/',
  // @rapport/protocol resolves to its TypeScript source (tsconfig.json paths), not to dist/.
  resolve: { tsconfigPaths: true },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: false,
    // Every browser the console supports has modulepreload; the polyfill would be one more request.
    modulePreload: { polyfill: false },
    rollupOptions: { input: { main: 'index.html', preview: 'preview.html' } },
  },
  server: {
    port: 5174,
    proxy: {
      // The server checks Origin on every write (CSRF); present the proxied requests as its own.
      '/v1': {
        target: API,
        changeOrigin: true,
        configure: (proxy) => proxy.on('proxyReq', (request) => request.setHeader('origin', API)),
      },
      '/rapport.js': { target: API, changeOrigin: true },
    },
  },
});
