/**
 * A worker process for the reliability tests: boots the production WorkerModule (projections, the
 * reminder process manager, the BullMQ workers) against DATABASE_URL and REDIS_URL from the
 * environment, prints "worker ready", and stops cleanly on SIGTERM. Run with
 * `node -r @swc-node/register test/reminders/support/worker-process.ts`.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadAppConfig } from '@fangquan/platform';
import { WorkerModule } from '../../../apps/worker/src/worker.module';

async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  if (config.redis.kind !== 'external') throw new Error('REDIS_URL is required');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, redisUrl: config.redis.url }), {
    logger: ['error', 'warn'],
  });
  await app.init();
  process.stdout.write('worker ready\n');
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`worker failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
