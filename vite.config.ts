import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const server = 'http://localhost:3000';

/** The studio is a static SPA; in dev, the API and webhooks come from the running server. */
export default defineConfig({
  root: 'studio',
  plugins: [react()],
  build: {
    outDir: '../dist/studio',
    emptyOutDir: true,
    // ELK (auto layout, ~1.4 MB) is its own chunk, loaded only when the editor lays out a flow.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    proxy: {
      '/api': server,
      '/webhooks': server,
      '/healthz': server,
    },
  },
});
