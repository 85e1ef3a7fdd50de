import { Mutex } from 'async-mutex';
import { PGliteDriver } from 'typeorm-pglite';
import { PGlitePool } from 'typeorm-pglite/dist/pglite-pool';

type ConnectCallback = Parameters<PGlitePool['connect']>[0];

/**
 * PGlite is one PostgreSQL backend with one session. TypeORM's default PGlite pool hands that one
 * session to every caller at once, so two overlapping transactions would interleave their statements
 * (one's ROLLBACK undoing the other's rows). This pool behaves like a pg pool of exactly one
 * connection: a caller holds the session from connect() until it releases it, and everyone else waits.
 */
export class SerializedPGlitePool extends PGlitePool {
  private static readonly session = new Mutex();

  override async connect(callback: ConnectCallback): Promise<void> {
    const unlock = await SerializedPGlitePool.session.acquire();
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      unlock();
    };
    await super.connect((error, client) => {
      if (error) release();
      callback(error, client, release);
    });
  }
}

/** The TypeORM `driver` option for an embedded PGlite database kept in `dataDir`. */
export function embeddedPgliteDriver(dataDir: string): unknown {
  // PGliteDriver stores the options for the process-wide PGlite instance; we only swap its pool.
  new PGliteDriver({ dataDir });
  return { Pool: SerializedPGlitePool };
}

export { PGliteInstance as EmbeddedPgliteInstance } from 'typeorm-pglite/dist/pglite-instance';
