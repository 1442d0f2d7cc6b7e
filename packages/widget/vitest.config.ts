import { defineProject } from 'vitest/config';

export default defineProject({
  // Vite 8 transforms TSX with oxc; point its automatic JSX runtime at Preact.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    name: 'widget',
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
  },
});
