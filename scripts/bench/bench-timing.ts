/** Small timing helpers shared by the benchmarks. */

export interface Throughput {
  readonly events: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/**
 * Runs `clients` loops side by side for `durationMs`, each calling `step(client)` (which returns the
 * number of events it wrote) until time is up. A short warm-up is run and discarded first.
 */
export async function measureThroughput(
  clients: number,
  durationMs: number,
  step: (client: number) => Promise<number>,
  warmupMs = 400,
): Promise<Throughput> {
  const run = async (ms: number): Promise<Throughput> => {
    const started = process.hrtime.bigint();
    const deadline = Date.now() + ms;
    const counts = await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        let events = 0;
        while (Date.now() < deadline) events += await step(client);
        return events;
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const events = counts.reduce((a, b) => a + b, 0);
    return { events, seconds, perSecond: events / seconds };
  };
  if (warmupMs > 0) await run(warmupMs);
  return run(durationMs);
}

/**
 * Measures several contenders for `totalMs` each, in alternating slices (A B A B …) after a warm-up
 * of each, so that a burst of load from elsewhere on the machine hits all of them alike.
 */
export async function measureInterleaved(
  clients: number,
  totalMs: number,
  steps: ReadonlyArray<(client: number) => Promise<number>>,
  slices = 4,
): Promise<Throughput[]> {
  for (const step of steps) await measureThroughput(clients, 300, step, 0);
  const sums = steps.map(() => ({ events: 0, seconds: 0 }));
  for (let slice = 0; slice < slices; slice += 1) {
    for (const [i, step] of steps.entries()) {
      const result = await measureThroughput(clients, totalMs / slices, step, 0);
      const sum = sums[i];
      if (sum) {
        sum.events += result.events;
        sum.seconds += result.seconds;
      }
    }
  }
  return sums.map(({ events, seconds }) => ({ events, seconds, perSecond: events / seconds }));
}

/** Median duration (ms) of `runs` calls of `work`, after one discarded warm-up call. */
export async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  return times.length % 2 ? (times[middle] ?? 0) : ((times[middle - 1] ?? 0) + (times[middle] ?? 0)) / 2;
}

export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US');
}

/** A plain-text table with right-aligned columns after the first. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
