#!/usr/bin/env node
/**
 * Builds the web app into apps/web/dist, unless it is already built from the same inputs.
 * `npm run build:web` (and so `npm run build`, `npm start`, `npm test`) runs it; `--force` rebuilds.
 *
 * First the app's API types (src/api/openapi.d.ts) are regenerated from the API's OpenAPI document,
 * so a server DTO the web app no longer matches fails the type-check below, and with it the build.
 *
 * The inputs are the app's sources, its configs, the domain files it bundles (readiness) and the
 * versions of the packages it is built with; their hash is kept in dist/.build-stamp. A rebuild
 * type-checks the app (its own tsconfig) and then runs Vite.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(here, 'dist');
const stampFile = join(dist, '.build-stamp');
const force = process.argv.includes('--force');

const PACKAGES = [
  'vite',
  'esbuild',
  'typescript',
  'react',
  'react-dom',
  'react-router',
  'antd',
  '@ant-design/icons',
  '@ant-design/plots',
  'dayjs',
];

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else out.push(path);
  }
  return out;
}

function inputsHash() {
  const hash = createHash('sha256');
  const inputs = [
    ...files(join(here, 'src')),
    join(here, 'index.html'),
    join(here, 'vite.config.ts'),
    join(here, 'tsconfig.json'),
    join(here, 'build.mjs'),
    ...files(join(root, 'libs/domain/src/readiness')).filter((path) => !path.endsWith('.spec.ts')),
    join(root, 'libs/domain/src/calendar.ts'),
    join(root, 'libs/domain/src/resources.ts'),
    join(root, 'libs/domain/src/duty/terms.ts'),
  ];
  for (const path of inputs) {
    hash.update(relative(root, path));
    hash.update('\0');
    hash.update(readFileSync(path));
    hash.update('\0');
  }
  for (const name of PACKAGES) {
    const manifest = join(root, 'node_modules', name, 'package.json');
    hash.update(`${name}@${existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : 'missing'}\0`);
  }
  return hash.digest('hex');
}

const started = Date.now();
const generated = spawnSync(process.execPath, ['-r', '@swc-node/register', join(root, 'scripts/web/api-types.ts')], {
  stdio: 'inherit',
  cwd: root,
});
if (generated.status !== 0) {
  console.error('web: could not generate the API types from the OpenAPI document');
  process.exit(generated.status ?? 1);
}
const stamp = inputsHash();
if (!force && existsSync(join(dist, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp) {
  console.log('web: apps/web/dist is up to date');
  process.exit(0);
}

console.log('web: type-checking apps/web');
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json'), '--noEmit'], {
  stdio: 'inherit',
  cwd: root,
});
if (tsc.status !== 0) {
  console.error('web: type errors in apps/web');
  process.exit(tsc.status ?? 1);
}

console.log('web: building apps/web with Vite');
// A production bundle whatever the caller's NODE_ENV (Vitest sets it to "test": React and antd would be their dev builds).
process.env.NODE_ENV = 'production';
const { build } = await import('vite');
await build({
  configFile: join(here, 'vite.config.ts'),
  mode: 'production',
  logLevel: 'warn',
  // antd's "use client" directives mean nothing in a browser bundle: not worth a warning each.
  build: { rollupOptions: { onwarn: (warning, warn) => (warning.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : warn(warning)) } },
});
writeFileSync(stampFile, `${stamp}\n`);
console.log(`web: built apps/web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s`);
