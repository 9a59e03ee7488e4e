import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/**
 * `npm run build:server`: the server as one JavaScript file, dist/server/main.js, which
 * `npm start` runs with plain node (docs/decisions/precompiled-server.md). The TypeScript
 * loader (tsx) compiles every module at start and keeps the source text and source maps: about
 * 30–40 MB of resident memory that a compiled server does not carry. Packages stay in
 * node_modules (imported, not bundled: PGlite's WebAssembly, argon2's native module).
 *
 * A second bundle, dist/server/read-workbook.worker.js, is the registry's workbook reader (a
 * worker thread). Two files are read beside the code at run time (import.meta.url of the bundle is
 * dist/server/main.js): the migrations (dist/server/migrations) and the version
 * (dist/package.json, which also marks the folder's .js as ES modules).
 */
export async function buildServer(root = path.resolve('.')) {
  const out = path.join(root, 'dist', 'server');
  fs.rmSync(out, { recursive: true, force: true });
  await build({
    // The registry's workbook reader runs in a worker thread of its own (registry-workbook.ts
    // finds it beside main.js).
    entryPoints: {
      main: path.join(root, 'server', 'main.ts'),
      'read-workbook.worker': path.join(root, 'server', 'modules', 'registry', 'read-workbook.worker.ts'),
    },
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  fs.cpSync(path.join(root, 'server', 'db', 'migrations'), path.join(out, 'migrations'), { recursive: true });
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  fs.writeFileSync(path.join(root, 'dist', 'package.json'), `${JSON.stringify({ private: true, type: 'module', version }, null, 2)}\n`);
  return path.join(out, 'main.js');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = await buildServer();
  console.log(`Server built: ${path.relative('.', file)}`);
}
