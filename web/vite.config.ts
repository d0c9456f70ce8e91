import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress.ts';
import { fieldServiceWorker } from './vite-service-worker.ts';

// The API server the dev server forwards to; GEZHI_API_URL points it at another instance.
const api = process.env.GEZHI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), fieldServiceWorker(), precompress()],
  build: {
    outDir: 'dist',
    // echarts and OpenLayers stay large chunks of their own, loaded only by the pages that draw charts and maps.
    chunkSizeWarningLimit: 1100,
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // OpenLayers in one cacheable file; Ant Design is split by the pages that use its components (one antd chunk
        // made every page, the phone's too, load all of it: 594 KB of gzipped JavaScript on /m/report).
        manualChunks(id) {
          if (/node_modules\/(ol|rbush|quickselect|earcut)\//.test(id)) return 'ol';
          return undefined;
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': api, '/docs': api },
  },
});
