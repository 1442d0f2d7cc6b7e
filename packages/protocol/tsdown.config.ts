import { defineConfig } from 'tsdown';

// Two entries: the zod-free contract for browser code, and the schemas for the server.
export default defineConfig({
  entry: { index: 'src/index.ts', schemas: 'src/schemas/index.ts' },
  format: ['esm', 'cjs'],
  platform: 'neutral',
  target: 'es2022',
  dts: true,
});
