import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./src/web', import.meta.url));

// The server sends a strict Content-Security-Policy (no inline scripts or styles),
// so the built HTML must only reference external, same-origin files.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // Never inline assets as data: URIs into scripts; keep everything as files.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate files cache better.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
            {
              name: 'designsystemet',
              test: /node_modules[\\/](@digdir|@floating-ui|@navikt)[\\/]/,
            },
            // The WebGL network view: loaded by the network page only.
            {
              name: 'sigma',
              test: /node_modules[\\/](sigma|graphology|graphology-utils|events)[\\/]/,
            },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      // A regular expression, so that the app's own module /api.ts is not proxied.
      '^/api(/|$)': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
