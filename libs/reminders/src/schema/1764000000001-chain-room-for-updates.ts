import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leaves room on each page of reminder_chains for a row's next version: every delivered step moves
 * its chain on (and locks the row first), and with full pages each of those went to another page and
 * into every index of the table; with room on the page, an update that changes no indexed column stays
 * on the page (a heap-only update). Pages written before this migration keep no room until the table
 * is rewritten.
 */
export class ChainRoomForUpdates1764000000001 implements MigrationInterface {
  readonly name = 'ChainRoomForUpdates1764000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE reminder_chains SET (fillfactor = 70)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE reminder_chains RESET (fillfactor)`);
  }
}
