import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leaves room on each page of the handovers, teams and power-items tables for a row's next version.
 * A handover row is rewritten by every event of its stream (a reminder sent bumps its version), and
 * with full pages each rewrite went to another page and into all six of the handovers' indexes; with
 * room on the page, an update that changes no indexed column stays on the page and touches no index
 * (a heap-only update). Pages written before this migration keep no room until the table is rewritten.
 */
export class HandoverRoomForUpdates1764000000000 implements MigrationInterface {
  readonly name = 'HandoverRoomForUpdates1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const table of ['handovers', 'teams', 'power_items']) await runner.query(`ALTER TABLE ${table} SET (fillfactor = 70)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['handovers', 'teams', 'power_items']) await runner.query(`ALTER TABLE ${table} RESET (fillfactor)`);
  }
}
