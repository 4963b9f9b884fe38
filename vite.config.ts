import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/** The web app: source in src/web, built into dist/web, which the server serves. */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // Keep assets as files: a strict Content-Security-Policy allows no inline data.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://localhost:3100' },
  },
});
