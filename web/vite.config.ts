import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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
 * The SPA lives in web/ and builds into dist/web at the repository root, where the server's
 * static handler serves it. In development, /api is proxied to the server on port 3000 so the
 * session cookie stays same-origin.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
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
