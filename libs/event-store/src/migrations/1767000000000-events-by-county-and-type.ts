import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One county's events of a few types without reading the county's whole log: the townships' own
 * streams are found through their recording events (`findCountyStreams`), and a county's catalogue
 * events read apart from its reminders.
 */
export class EventsByCountyAndType1767000000000 implements MigrationInterface {
  readonly name = 'EventsByCountyAndType1767000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX events_county_type_idx ON events (county_id, type, global_position)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX events_county_type_idx`);
  }
}
