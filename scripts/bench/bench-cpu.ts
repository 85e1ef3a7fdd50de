import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where the CPU went during a benchmark phase, read from /proc (Linux): CPU seconds of named
 * processes, of every `postgres` / `redis-server` process, and of the whole machine.
 */
export interface CpuSample {
  readonly byName: ReadonlyMap<string, number>;
  readonly machineBusy: number;
  readonly at: number;
}

const TICKS_PER_SECOND = 100;

function processSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces): utime and stime are the 14th and 15th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / TICKS_PER_SECOND;
}

/** Samples the named pids plus all postgres and redis-server processes. */
export function sampleCpu(named: Readonly<Record<string, number | undefined>>): CpuSample {
  const byName = new Map<string, number>();
  for (const [name, pid] of Object.entries(named)) if (pid !== undefined) byName.set(name, processSeconds(pid));
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const command = commandOf(pid);
    if (command === 'postgres' || command === 'redis-server') byName.set(command, (byName.get(command) ?? 0) + processSeconds(pid));
  }
  return { byName, machineBusy: machineBusySeconds(), at: Date.now() };
}

/** CPU milliseconds per operation between two samples, per process name, plus the machine's busy share. */
export function cpuPerOperation(before: CpuSample, after: CpuSample, operations: number, operation = 'request'): string {
  const parts: string[] = [];
  for (const [name, seconds] of after.byName) {
    const spent = seconds - (before.byName.get(name) ?? 0);
    if (spent > 0) parts.push(`${name} ${((spent * 1000) / operations).toFixed(2)}`);
  }
  const wall = (after.at - before.at) / 1000;
  const busy = (after.machineBusy - before.machineBusy) / wall;
  return `CPU ms per ${operation}: ${parts.join(', ')}; machine busy ${busy.toFixed(2)} of its cores`;
}
