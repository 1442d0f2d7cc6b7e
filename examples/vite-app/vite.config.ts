import { defineConfig } from 'vite';

// The Rapport packages ship compiled JavaScript; nothing to configure for them.
export default defineConfig({
  build: { target: 'es2022', reportCompressedSize: false },
  server: { port: 5173 },
});
