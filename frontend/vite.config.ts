import { defineConfig } from 'vitest/config';

// The built SPA is copied into the API jar and served at `/`, so base stays `/`.
// In development the API runs separately on :8080; proxy /api to it (same origin for the SPA).
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'jsdom',
  },
});
