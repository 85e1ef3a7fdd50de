/**
 * The web app's weight: the gzipped size of what the browser loads first (the entry chunk, the chunks
 * and CSS it imports statically, index.html), read from the Vite manifest of apps/web/dist, and what
 * each page adds when it is opened (its lazy chunk and the shared chunks it pulls in). Budget: the
 * first load (JS + CSS, gzipped) under 400 KB. Builds the app first when it is not built (cached).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

type Manifest = Record<string, ManifestChunk>;

export const FIRST_LOAD_BUDGET_BYTES = 400 * 1024;

const root = resolve(__dirname, '../..');
const dist = join(root, 'apps/web/dist');

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function gzipped(file: string): { raw: number; gzip: number } {
  const content = readFileSync(join(dist, file));
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

/** A chunk's files with every chunk it imports statically (what loading it fetches), JS and CSS. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(manifest, imported, seen);
  return seen;
}

function filesOf(manifest: Manifest, keys: Iterable<string>): string[] {
  const files = new Set<string>();
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk) continue;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return [...files];
}

export interface WebBundleReport {
  firstLoad: { files: { file: string; raw: number; gzip: number }[]; gzip: number; raw: number };
  pages: { page: string; addedGzip: number; totalGzip: number }[];
}

export function measureWebBundle(): WebBundleReport {
  const manifestPath = join(dist, '.vite/manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (entry === undefined) throw new Error(`no entry chunk in ${manifestPath}`);
  const firstKeys = closure(manifest, entry);
  const firstFiles = [...filesOf(manifest, firstKeys), 'index.html'].map((file) => ({ file, ...gzipped(file) }));
  const firstGzip = firstFiles.reduce((sum, file) => sum + file.gzip, 0);
  const pages = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry)
    .map(([key, chunk]) => {
      const added = [...closure(manifest, key)].filter((candidate) => !firstKeys.has(candidate));
      const addedGzip = filesOf(manifest, added).reduce((sum, file) => sum + gzipped(file).gzip, 0);
      return { page: chunk.name ?? key, addedGzip, totalGzip: firstGzip + addedGzip };
    })
    .sort((a, b) => b.addedGzip - a.addedGzip);
  return { firstLoad: { files: firstFiles, gzip: firstGzip, raw: firstFiles.reduce((sum, file) => sum + file.raw, 0) }, pages };
}

export async function main(): Promise<void> {
  if (!existsSync(join(dist, '.vite/manifest.json'))) {
    const build = spawnSync(process.execPath, [join(root, 'apps/web/build.mjs')], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('building the web app failed');
  }
  const report = measureWebBundle();
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out('\n== web app bundle (apps/web/dist, gzip -9) ==');
  out('first load (entry + static imports + CSS + index.html):');
  for (const file of report.firstLoad.files)
    out(`  ${file.file.padEnd(40)} ${kb(file.raw).padStart(10)} raw ${kb(file.gzip).padStart(10)} gzipped`);
  const verdict = report.firstLoad.gzip <= FIRST_LOAD_BUDGET_BYTES ? 'within' : 'OVER';
  out(
    `  total${' '.repeat(35)} ${kb(report.firstLoad.raw).padStart(10)} raw ${kb(report.firstLoad.gzip).padStart(10)} gzipped — ${verdict} the ${kb(FIRST_LOAD_BUDGET_BYTES)} budget`,
  );
  out('each page when opened (lazy chunks it adds → total with the first load):');
  for (const page of report.pages) out(`  ${page.page.padEnd(28)} +${kb(page.addedGzip).padStart(9)} → ${kb(page.totalGzip).padStart(9)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`web bundle bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
