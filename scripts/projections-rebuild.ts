import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadAppConfig, systemClock } from '@fangquan/platform';
import { applicationSchema, rebuildReadModels } from '@fangquan/read-models';

/**
 * `npm run projections:rebuild`: empties the read tables, moves the `read-models` checkpoint back to
 * the start and replays the whole log, with the application's configuration (DATABASE_URL, or the
 * embedded database in DATA_DIR — then the app must not be running). Running workers may stay up.
 */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const dataSource = new DataSource(dataSourceOptions(config.database, applicationSchema));
  await dataSource.initialize();
  try {
    const started = Date.now();
    const outcome = await rebuildReadModels(dataSource, systemClock, config.timeZone);
    process.stdout.write(
      `read models rebuilt in ${Date.now() - started} ms: ${outcome.events} event(s) replayed → ` +
        `${outcome.powerItems} power item(s), ${outcome.teams} team(s), ${outcome.handovers} handover(s)\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`projections:rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
