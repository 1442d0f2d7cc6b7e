import { defineProject } from 'vitest/config';

export default defineProject({
  // @rapport/* resolve to their TypeScript sources (tsconfig.json paths), not to dist/.
  resolve: { tsconfigPaths: true },
  // Vite 8 transforms TSX with oxc; point its automatic JSX runtime at Preact.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    name: 'console',
    environment: 'happy-dom',
    // Where the console is served, so relative API paths resolve as in the browser. The
    // widget preview's frame is a real page, tested in Chromium (test/e2e); happy-dom would
    // try to fetch it from a server that is not there.
    environmentOptions: {
      happyDOM: {
        url: 'http://127.0.0.1/console/',
        settings: { disableIframePageLoading: true },
      },
    },
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['./test/setup.ts'],
  },
});
