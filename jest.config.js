// One Jest run, two tiers: pure unit specs beside the code, and system specs under test/
// that talk to the real PostgreSQL and Redis started by test/support/global-setup.ts.
const swcConfig = require('fs').readFileSync(__dirname + '/.swcrc', 'utf8');

const moduleNameMapper = {
  '^@fangquan/(domain|event-store|identity|platform|read-models|reminders)$': '<rootDir>/libs/$1/src',
  '^@fangquan/(domain|event-store|identity|platform|read-models|reminders)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const transform = { '^.+\\.ts$': ['@swc/jest', JSON.parse(swcConfig)] };
const common = { rootDir: __dirname, moduleFileExtensions: ['ts', 'js', 'json'], transform, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'], testPathIgnorePatterns: ['\\.int\\.spec\\.ts$', '/node_modules/', '/apps/web/'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/libs/**/*.int.spec.ts', '<rootDir>/apps/**/*.int.spec.ts', '<rootDir>/test/**/*.spec.ts'], testTimeout: 60000 },
  ],
};
