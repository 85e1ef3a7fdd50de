import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@fangquan/platform';
import { eventStoreMigrations } from '@fangquan/event-store';
import type { ConformanceBackend } from './conformance.context';

/** Embedded PGlite in a temporary directory: one instance for the whole file (it is process-wide). */
export function pgliteBackend(): ConformanceBackend {
  const dir = mkdtempSync(join(tmpdir(), 'fangquan-event-store-'));
  let source: DataSource | undefined;
  return {
    kind: 'pglite',
    // One session: writers take turns, so a smaller count proves the same thing.
    writers: 4,
    eventsPerWriter: 100,
    async open() {
      source = new DataSource({
        ...dataSourceOptions({ kind: 'embedded', dir }, { entities: [], migrations: eventStoreMigrations }),
        logging: false,
      });
      await source.initialize();
      await source.runMigrations();
      return source;
    },
    async close() {
      if (source?.isInitialized) await source.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
