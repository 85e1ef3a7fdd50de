import { resolve } from 'node:path';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

/**
 * Three tiers in `npm test`: pure unit specs beside the code, integration specs (all of them under
 * test/, by lib: test/event-store/, test/ledger/, test/read-models/, …) against the real PostgreSQL
 * and Redis that test/support/global-setup.ts starts, and browser specs (test/browser/) driving the
 * built web app in Chromium. A fourth, `failover` (`*.failover.spec.ts`: a worker killed, Redis away,
 * deliveries raced), runs on its own (`npm run test:failover`), after the others in CI when time allows.
 * Vitest runs NestJS 12 (ESM-only) natively; SWC keeps decorator metadata for Nest's DI.
 */
const libs = ['domain', 'event-store', 'platform', 'read-models', 'reminders', 'identity', 'ledger', 'spreadsheets'];
const alias = {
  ...Object.fromEntries(libs.map((lib) => [`@fangquan/${lib}`, resolve(import.meta.dirname, `libs/${lib}/src`)])),
  // The web app's import of the domain library (apps/web/vite.config.ts), for the unit specs of its pure modules.
  '@domain': resolve(import.meta.dirname, 'libs/domain/src'),
};
const plugins = [
  swc.vite({
    module: { type: 'es6' },
    jsc: {
      target: 'es2022',
      keepClassNames: true,
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  }),
];

export default defineConfig({
  plugins,
  resolve: { alias },
  test: {
    globals: true,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'unit',
          globals: true,
          include: ['libs/**/*.spec.ts', 'apps/**/*.spec.ts'],
          exclude: ['**/*.int.spec.ts', '**/node_modules/**', 'apps/web/dist/**'],
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'int',
          globals: true,
          include: ['test/**/*.spec.ts'],
          exclude: ['**/node_modules/**', 'test/browser/**', 'test/**/*.failover.spec.ts'],
          globalSetup: ['./test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
        },
      },
      {
        plugins,
        resolve: { alias },
        test: {
          name: 'failover',
          globals: true,
          include: ['test/**/*.failover.spec.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['./test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
        },
      },
      {
        // The web app in Debian's Chromium (playwright-core) against the real API, PostgreSQL and Redis;
        // the app is built first (cached). One file at a time, after the other tiers (groupOrder): two at a
        // time on 2 cores were no faster (each test ran nearly twice as slowly) and lost clicks under the load.
        plugins,
        resolve: { alias },
        test: {
          name: 'browser',
          globals: true,
          include: ['test/browser/**/*.spec.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['./test/support/global-setup.ts', './test/browser/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
