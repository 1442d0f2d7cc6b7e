import { defineProject } from 'vitest/config';

export default defineProject({
  // @rapport/* resolve to their TypeScript sources (tsconfig.json paths), not to dist/.
  resolve: { tsconfigPaths: true },
  // Vite 8 transforms TSX with oxc; point its automatic JSX runtime at Preact.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    name: 'widget',
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup/warm-ui.ts'],
    // Process the widget's stylesheet so `?raw` imports carry the real CSS text.
    css: { include: [/\.css/] },
    // Files clean up after themselves (unmount, destroy); sharing one environment per worker
    // saves re-importing happy-dom, Preact and axe-core for every file on a 2-core machine.
    isolate: false,
  },
});
