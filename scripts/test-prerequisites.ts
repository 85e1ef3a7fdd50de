/**
 * The first step of `npm test`: the Debian packages the test tiers need (PostgreSQL's server, redis-server,
 * Chromium, a CJK font). As root they are installed; otherwise it stops at once with the one line to run.
 * Imported by path, not through `@fangquan/platform`, so it runs in a fraction of a second before any build.
 */
import { ensureDebianPackages, MissingPackagesError, TEST_PREREQUISITES } from '../libs/platform/src/runtime/debian-packages';

try {
  ensureDebianPackages(TEST_PREREQUISITES, { purpose: 'npm test', log: (message) => process.stdout.write(`${message}\n`) });
} catch (error) {
  if (!(error instanceof MissingPackagesError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
