import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

/**
 * One web build serves both hosts: Electron loads it from app:// and the browser host from http://127.0.0.1,
 * so every URL in it is relative (base './') and nothing comes from a CDN (the office PC may be offline).
 */
export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react()],
  resolve: {
    // shared/ lives outside the renderer root; zod must resolve to the single copy in the project.
    dedupe: ['react', 'react-dom', 'zod'],
  },
  server: { fs: { allow: [root] } },
  build: {
    outDir: path.join(root, 'dist', 'web'),
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Vendor chunks change rarely; keeping them apart keeps the app chunk small and builds readable.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|dayjs)[\\/]/, priority: 20 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
});
