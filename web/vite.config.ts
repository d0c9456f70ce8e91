import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server the dev server forwards to; GEZHI_API_URL points it at another instance.
const api = process.env.GEZHI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    // antd is one ~1 MB chunk (320 kB gzipped), cached across releases; splitting it gains little.
    chunkSizeWarningLimit: 1100,
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Keep the large libraries in their own cacheable files.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(ol|rbush|quickselect|earcut)\//.test(id)) return 'ol';
          if (/node_modules\/(antd|@ant-design|rc-|@rc-component|dayjs)/.test(id)) return 'antd';
          return 'vendor';
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': api, '/docs': api },
  },
});
