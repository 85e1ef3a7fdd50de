import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Before the browser tests: the web app built once (cached: nothing is rebuilt when apps/web is
 * unchanged, see apps/web/build.mjs), so that the API under test serves it at `/`.
 */
export default function setup(): void {
  const root = process.cwd();
  const result = spawnSync(process.execPath, [resolve(root, 'apps/web/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`building the web app failed (exit ${result.status ?? result.signal})`);
}
