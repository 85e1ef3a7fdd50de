import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

/** Writes `<file>.gz` beside every text asset, so the API can serve them compressed without compressing per request. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'fangquan-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const walk = (dir: string): void => {
        for (const name of readdirSync(dir)) {
          const path = join(dir, name);
          if (statSync(path).isDirectory()) walk(path);
          else if (/\.(js|css|html|svg|json)$/.test(name)) writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
        }
      };
      walk(outDir);
    },
  };
}

/**
 * The web app (React + Ant Design). No React plugin: esbuild compiles the JSX (`jsx: 'automatic'`),
 * which is all a production build needs. Readiness is imported from the domain library itself, so
 * the preview before saving a handover applies the very rule the server applies.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [precompress()],
  resolve: { alias: { '@domain': resolve(root, '../../libs/domain/src') } },
  esbuild: { jsx: 'automatic', legalComments: 'none' },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // .vite/manifest.json: the chunk graph the bundle benchmark reads (first load = entry + its static imports).
    manifest: true,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false,
  },
});
