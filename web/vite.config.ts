import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Writes .br and .gz beside every built text asset over 1 KB, at the highest levels (once, at
 * build), so the server sends them as they are (@fastify/static preCompressed) instead of
 * compressing the same bytes for every first visit.
 */
function precompress(): Plugin {
  return {
    name: 'par-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir!;
      for (const file of Object.keys(bundle)) {
        if (!/\.(js|css|svg|json|html|txt|webmanifest)$/.test(file)) continue;
        const full = path.join(dir, file);
        const bytes = fs.readFileSync(full);
        if (bytes.length < 1024) continue;
        fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${full}.gz`, zlib.gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * Installable and usable without a network (issue 10 §2, docs/decisions/offline-checklists.md):
 * a web manifest and a Workbox service worker that precaches the built app (every page's code,
 * so a page never opened still loads offline) and keeps the last JSON answer of every GET
 * /api/… it has seen, network first: an inspection opened once, its checklists and its photos
 * are there without a network. Downloads (.docx, .xlsx, PDF) are not kept. What is typed offline
 * lives in the app's IndexedDB outbox, not here.
 */
function offline() {
  return VitePWA({
    registerType: 'autoUpdate',
    injectRegister: 'script-defer',
    includeAssets: ['icons/icon.svg'],
    manifest: {
      name: 'PAR Inspect — Kiểm tra cải cách hành chính',
      short_name: 'PAR Inspect',
      description: 'Hệ thống quản lý kiểm tra công tác cải cách hành chính',
      lang: 'vi',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#1864ab',
      background_color: '#ffffff',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/api\//],
      cleanupOutdatedCaches: true,
      // Control the tab that installed the worker at once: the app navigates without reloads, so
      // otherwise nothing opened in the session of the sign-in would be kept for offline.
      clientsClaim: true,
      skipWaiting: true,
      runtimeCaching: [
        {
          urlPattern: ({ url, request }) => url.pathname.startsWith('/api/files/') && request.method === 'GET',
          handler: 'NetworkFirst',
          options: {
            cacheName: 'par-api-files',
            networkTimeoutSeconds: 10,
            expiration: { maxEntries: 300, maxAgeSeconds: 14 * 24 * 3600 },
            cacheableResponse: { statuses: [200] },
            plugins: [{ cacheWillUpdate: async ({ response }) => (/^image\//.test(response.headers.get('content-type') ?? '') ? response : null) }],
          },
        },
        {
          urlPattern: ({ url, request }) => url.pathname.startsWith('/api/') && request.method === 'GET' && request.mode !== 'navigate',
          handler: 'NetworkFirst',
          options: {
            cacheName: 'par-api',
            networkTimeoutSeconds: 10,
            expiration: { maxEntries: 500, maxAgeSeconds: 14 * 24 * 3600 },
            cacheableResponse: { statuses: [200] },
            plugins: [{ cacheWillUpdate: async ({ response }) => ((response.headers.get('content-type') ?? '').includes('json') ? response : null) }],
          },
        },
      ],
    },
  });
}

/**
 * The SPA lives in web/ and builds into dist/web at the repository root, where the server's
 * static handler serves it. In development, /api is proxied to the server on port 3000 so the
 * session cookie stays same-origin.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react(), offline(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
