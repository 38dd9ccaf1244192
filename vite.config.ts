import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { sourcesStamp } from './server/studio-sources.ts';

const server = 'http://localhost:3000';
const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/studio', import.meta.url));

/** The studio is a static SPA; in dev, the API and webhooks come from the running server. */
export default defineConfig({
  root: 'studio',
  // The stamp tells the server which sources this bundle was built from (server/build-studio.ts).
  plugins: [react(), sourcesStamp(root, outDir)],
  build: {
    outDir,
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
