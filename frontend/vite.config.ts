import { loadEnv } from 'vite';
import { defineConfig } from 'vitest/config';

// The built SPA is copied into the API jar and served at `/`, so base stays `/`.
// In development the API runs separately; proxy /api to it (same origin for the SPA). FP_API_URL
// picks another API than the dev instance's (e.g. the e2e one); `vite preview` uses the same proxy.
export default defineConfig(({ mode }) => {
  const api = loadEnv(mode, '.', 'FP_').FP_API_URL || 'http://127.0.0.1:8080';
  return {
    base: '/',
    build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
    server: {
      proxy: { '/api': { target: api, changeOrigin: false } },
    },
    test: {
      include: ['src/**/*.test.ts'],
      environment: 'jsdom',
    },
  };
});
