import type { PinoLogger } from 'nestjs-pino';
import { chooseLogFormat, requestLogLevel } from './log-format';
import { FangquanLogger } from './fangquan-logger';

describe('the log format', () => {
  it('is readable on a terminal in the embedded (development) mode', () => {
    expect(chooseLogFormat({ stdoutIsTty: true, nodeEnv: undefined, database: 'embedded' })).toBe('pretty');
    expect(chooseLogFormat({ stdoutIsTty: true, nodeEnv: 'development', database: 'embedded' })).toBe('pretty');
  });

  it('is JSON when stdout is not a terminal (a pipe, a file, a collector)', () => {
    expect(chooseLogFormat({ stdoutIsTty: false, nodeEnv: undefined, database: 'embedded' })).toBe('json');
  });

  it('is JSON in production mode, even on a terminal: NODE_ENV=production or a DATABASE_URL', () => {
    expect(chooseLogFormat({ stdoutIsTty: true, nodeEnv: 'production', database: 'embedded' })).toBe('json');
    expect(chooseLogFormat({ stdoutIsTty: true, nodeEnv: undefined, database: 'postgres' })).toBe('json');
  });
});

describe('the level of a request log line', () => {
  it('is debug for a success in the embedded mode and info in production', () => {
    expect(requestLogLevel('embedded', 200, false)).toBe('debug');
    expect(requestLogLevel('embedded', 304, false)).toBe('debug');
    expect(requestLogLevel('postgres', 201, false)).toBe('info');
  });

  it('is warn for a refusal and error for a failure, in both modes', () => {
    for (const database of ['embedded', 'postgres'] as const) {
      expect(requestLogLevel(database, 404, false)).toBe('warn');
      expect(requestLogLevel(database, 500, false)).toBe('error');
      expect(requestLogLevel(database, 200, true)).toBe('error');
    }
  });
});

describe('FangquanLogger', () => {
  function logged(): { calls: Array<[string, unknown]>; logger: FangquanLogger } {
    const calls: Array<[string, unknown]> = [];
    const record =
      (level: string) =>
      (fields: unknown): void =>
        void calls.push([level, fields]);
    const pino = { debug: record('debug'), info: record('info') } as unknown as PinoLogger;
    return { calls, logger: new FangquanLogger(pino, {}) };
  }

  it("logs Nest's start-up inventory (modules, routes) at debug, and the application's lines at info", () => {
    const { calls, logger } = logged();
    logger.log('Mapped {/api/v1/powers, GET} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Seeded the demo county 示范县', 'DemoSeed');
    expect(calls).toEqual([
      ['debug', { context: 'RouterExplorer' }],
      ['debug', { context: 'InstanceLoader' }],
      ['info', { context: 'DemoSeed' }],
    ]);
  });
});
