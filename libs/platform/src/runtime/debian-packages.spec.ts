import {
  ensureDebianPackages,
  MissingPackagesError,
  planDebianPackages,
  REDIS_SERVER,
  TEST_PREREQUISITES,
  type MachineProbe,
} from './debian-packages';

/** A Debian machine with everything `npm test` uses, minus the paths given. */
function machine(options: { isRoot: boolean; missing: readonly string[] }): MachineProbe & { files: Set<string> } {
  const files = new Set([
    '/usr/bin/apt-get',
    '/usr/bin/redis-server',
    '/usr/lib/postgresql/15/bin/initdb',
    '/usr/bin/chromium',
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  ]);
  for (const path of options.missing) files.delete(path);
  return {
    files,
    exists: (path) => files.has(path),
    list: (dir) =>
      dir === '/usr/lib/postgresql' ? [...files].filter((f) => f.startsWith(`${dir}/`)).map((f) => f.split('/')[4] ?? '') : [],
    isRoot: options.isRoot,
    env: { PATH: '/usr/local/bin:/usr/bin' },
  };
}

describe('the Debian packages npm test needs', () => {
  it('are satisfied on a machine that has them all', () => {
    expect(planDebianPackages(TEST_PREREQUISITES, machine({ isRoot: false, missing: [] }), 'npm test')).toEqual({ kind: 'satisfied' });
  });

  describe('without /usr/bin/chromium', () => {
    it('as root: plans `apt-get install chromium`, runs it, and is done once the binary is there', () => {
      const probe = machine({ isRoot: true, missing: ['/usr/bin/chromium'] });
      expect(planDebianPackages(TEST_PREREQUISITES, probe, 'npm test')).toEqual({ kind: 'install', packages: ['chromium'] });

      const commands: string[] = [];
      const log: string[] = [];
      ensureDebianPackages(TEST_PREREQUISITES, {
        purpose: 'npm test',
        probe,
        log: (message) => log.push(message),
        run: (command, args) => {
          commands.push([command, ...args].join(' '));
          if (command === 'apt-get' && args.includes('chromium')) probe.files.add('/usr/bin/chromium');
        },
      });
      expect(commands).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
      expect(log).toEqual(['npm test: installing Debian packages chromium']);
    });

    it('as another user: stops with one line naming the exact apt-get install, and runs nothing', () => {
      const probe = machine({ isRoot: false, missing: ['/usr/bin/chromium'] });
      const plan = planDebianPackages(TEST_PREREQUISITES, probe, 'npm test');
      expect(plan).toEqual({
        kind: 'refused',
        packages: ['chromium'],
        message: 'npm test needs chromium: run `sudo apt-get install -y chromium`',
      });

      const run = vi.fn();
      expect(() => ensureDebianPackages(TEST_PREREQUISITES, { purpose: 'npm test', probe, run })).toThrow(
        new MissingPackagesError('npm test needs chromium: run `sudo apt-get install -y chromium`'),
      );
      expect(run).not.toHaveBeenCalled();
    });
  });

  it('names every missing package in the one line, in the order npm test needs them', () => {
    const probe = machine({
      isRoot: false,
      missing: ['/usr/lib/postgresql/15/bin/initdb', '/usr/bin/chromium', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'],
    });
    const plan = planDebianPackages(TEST_PREREQUISITES, probe, 'npm test');
    expect(plan.kind === 'refused' && plan.message).toBe(
      'npm test needs postgresql, chromium, fonts-noto-cjk: run `sudo apt-get install -y postgresql chromium fonts-noto-cjk`',
    );
  });

  it('as root without apt-get: refuses with the command, without sudo', () => {
    const probe = machine({ isRoot: true, missing: ['/usr/bin/apt-get', '/usr/bin/chromium'] });
    const plan = planDebianPackages(TEST_PREREQUISITES, probe, 'npm test');
    expect(plan.kind === 'refused' && plan.message).toBe('npm test needs chromium: run `apt-get install -y chromium`');
  });

  it('stops the service an installed package started, and reports a package still missing after the install', () => {
    const probe = machine({ isRoot: true, missing: ['/usr/bin/redis-server'] });
    const commands: string[] = [];
    expect(() =>
      ensureDebianPackages([REDIS_SERVER], {
        purpose: 'npm start',
        probe,
        run: (command, args) => void commands.push([command, ...args].join(' ')),
      }),
    ).toThrow('apt-get install -y redis-server finished but redis-server is still missing');
    expect(commands).toEqual(['apt-get update -qq', 'apt-get install -y -qq redis-server', 'service redis-server stop']);
  });

  it('does not install when the caller does not allow it, even as root', () => {
    const probe = machine({ isRoot: true, missing: ['/usr/bin/redis-server'] });
    expect(planDebianPackages([REDIS_SERVER], probe, 'npm start', false)).toMatchObject({ kind: 'refused', packages: ['redis-server'] });
  });
});
