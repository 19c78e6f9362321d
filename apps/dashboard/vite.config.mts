import react from '@vitejs/plugin-react';
import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';
import { defineConfig } from 'vite';

// The dashboard, served by the gateway at /ui (apps/gateway/src/dashboard): hashed files under
// assets/ (cached for a year), index.html revalidated. No inline script: the CSP is script-src 'self'.
export default defineConfig({
  root: import.meta.dirname,
  base: '/ui/',
  cacheDir: '../../node_modules/.vite/apps/dashboard',
  plugins: [react(), nxViteTsPaths()],
  build: {
    outDir: '../../dist/apps/dashboard',
    emptyOutDir: true,
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: { port: 4200, host: '127.0.0.1', proxy: { '^/(?!ui)': 'http://127.0.0.1:3000' } },
});
