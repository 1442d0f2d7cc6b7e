import { defineConfig } from 'vite';

// The Rapport packages ship TypeScript sources with Preact JSX; nothing else to configure.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { target: 'es2022', reportCompressedSize: false },
  server: { port: 5173 },
});
