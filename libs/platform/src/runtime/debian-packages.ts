import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What Fangquan needs from the machine is a handful of Debian packages: `npm start` needs redis-server
 * (unless REDIS_URL is given), `npm test` also PostgreSQL's server binaries, Chromium and a CJK font.
 * One helper decides for both: as root with apt-get it installs what is missing; otherwise it refuses with
 * one line naming the exact `apt-get install` to run. The machine is seen through `MachineProbe`, so the
 * decision is a pure function of the probes and can be tested on any machine state.
 */
export interface MachineProbe {
  exists(path: string): boolean;
  /** The entries of a directory, empty when it does not exist. */
  list(dir: string): readonly string[];
  readonly isRoot: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** A Debian package and how to tell, from files alone (no dpkg call), that what we use of it is there. */
export interface DebianRequirement {
  readonly package: string;
  present(probe: MachineProbe): boolean;
  /** The service the package's installation starts, which Fangquan does not use (it starts private servers). */
  readonly service?: string;
}

export type PackagePlan =
  | { readonly kind: 'satisfied' }
  | { readonly kind: 'install'; readonly packages: readonly string[] }
  | { readonly kind: 'refused'; readonly packages: readonly string[]; readonly message: string };

export class MissingPackagesError extends Error {
  override readonly name = 'MissingPackagesError';
}

export const systemProbe: MachineProbe = {
  exists: (path) => existsSync(path),
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
  isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
  env: process.env,
};

const STANDARD_BIN_DIRS = ['/usr/bin', '/usr/local/bin', '/usr/sbin', '/bin'];

/** The path of `binary` on PATH (or in the standard directories), undefined when there is none. */
export function findBinary(binary: string, probe: MachineProbe = systemProbe): string | undefined {
  const dirs = (probe.env.PATH ?? '').split(':').filter(Boolean).concat(STANDARD_BIN_DIRS);
  return dirs.map((dir) => join(dir, binary)).find((candidate) => probe.exists(candidate));
}

export const REDIS_SERVER: DebianRequirement = {
  package: 'redis-server',
  present: (probe) => findBinary('redis-server', probe) !== undefined,
  service: 'redis-server',
};

/** PostgreSQL's server binaries (initdb, pg_ctl) of any installed major version. */
export const POSTGRESQL: DebianRequirement = {
  package: 'postgresql',
  present: (probe) => probe.list('/usr/lib/postgresql').some((version) => probe.exists(`/usr/lib/postgresql/${version}/bin/initdb`)),
  service: 'postgresql',
};

/** The browser tier drives Debian's Chromium through playwright-core (no browser download); CHROMIUM_PATH names another. */
export const CHROMIUM: DebianRequirement = {
  package: 'chromium',
  present: (probe) => probe.exists(probe.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
};

/** The font that draws the Chinese pages in the browser tier's screenshots and layout checks. */
export const FONTS_NOTO_CJK: DebianRequirement = {
  package: 'fonts-noto-cjk',
  present: (probe) => probe.exists('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
};

/** What `npm test` needs: the real PostgreSQL and Redis of the integration tier, the browser tier's Chromium and font. */
export const TEST_PREREQUISITES: readonly DebianRequirement[] = [POSTGRESQL, REDIS_SERVER, CHROMIUM, FONTS_NOTO_CJK];

export function aptGetInstallCommand(packages: readonly string[]): string {
  return `apt-get install -y ${packages.join(' ')}`;
}

/**
 * Nothing to do, install (root with apt-get, when allowed), or refuse with the one line to act on.
 * `purpose` names what needs the packages, e.g. "npm test".
 */
export function planDebianPackages(
  requirements: readonly DebianRequirement[],
  probe: MachineProbe,
  purpose: string,
  installIfMissing = true,
): PackagePlan {
  const packages = requirements.filter((requirement) => !requirement.present(probe)).map((requirement) => requirement.package);
  if (packages.length === 0) return { kind: 'satisfied' };
  if (installIfMissing && probe.isRoot && findBinary('apt-get', probe) !== undefined) return { kind: 'install', packages };
  const command = probe.isRoot ? aptGetInstallCommand(packages) : `sudo ${aptGetInstallCommand(packages)}`;
  return { kind: 'refused', packages, message: `${purpose} needs ${packages.join(', ')}: run \`${command}\`` };
}

export interface EnsureOptions {
  readonly purpose: string;
  readonly installIfMissing?: boolean;
  readonly probe?: MachineProbe;
  readonly log?: (message: string) => void;
  /** Runs a command to completion (apt-get, service); throws when it fails. */
  readonly run?: (command: string, args: readonly string[]) => void;
}

function runQuietly(command: string, args: readonly string[]): void {
  execFileSync(command, args, { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/**
 * Makes sure the requirements are met: installs what is missing when `planDebianPackages` says so, then
 * stops the services those packages started (Fangquan and its tests run private servers on free ports).
 * Throws `MissingPackagesError` with the one-line message otherwise, or when the install left something missing.
 */
export function ensureDebianPackages(requirements: readonly DebianRequirement[], options: EnsureOptions): void {
  const probe = options.probe ?? systemProbe;
  const run = options.run ?? runQuietly;
  const plan = planDebianPackages(requirements, probe, options.purpose, options.installIfMissing ?? true);
  if (plan.kind === 'satisfied') return;
  if (plan.kind === 'refused') throw new MissingPackagesError(plan.message);
  options.log?.(`${options.purpose}: installing Debian packages ${plan.packages.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...plan.packages]);
  for (const requirement of requirements) {
    if (requirement.service && plan.packages.includes(requirement.package)) {
      try {
        run('service', [requirement.service, 'stop']);
      } catch {
        // No init system in a container, or the service was never started: nothing to stop.
      }
    }
  }
  const still = requirements.filter((requirement) => !requirement.present(probe)).map((requirement) => requirement.package);
  if (still.length > 0)
    throw new MissingPackagesError(`${aptGetInstallCommand(plan.packages)} finished but ${still.join(', ')} is still missing`);
}
