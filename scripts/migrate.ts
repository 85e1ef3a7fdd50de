import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadAppConfig } from '@fangquan/platform';
import { applicationSchema } from '@fangquan/read-models';

/** `npm run migrate`: applies pending schema migrations to the configured database, then exits. */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const dataSource = new DataSource(dataSourceOptions(config.database, applicationSchema));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}\n` : 'schema is up to date\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
