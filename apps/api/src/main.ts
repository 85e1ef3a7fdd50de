import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { runProcess } from '@fangquan/platform';
import { ApiModule } from './api.module';
import { configureHttpApp } from './configure-http-app';
import { DemoSeeder } from './demo/demo-seeder.service';
import { browserUrl } from './demo/demo-credentials';

/**
 * The API process. `--with-worker` (what `npm start` uses) also runs the projections and the reminder
 * workers in this process; in production API and worker processes run separately, any number of each.
 */
const withWorker = process.argv.includes('--with-worker');

void runProcess(withWorker ? 'fangquan' : 'fangquan-api', async (runtime, out) => {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot({ ...runtime, withWorker }), { bufferLogs: true });
  configureHttpApp(app);
  const host = process.env.HOST ?? '0.0.0.0';
  await app.listen(runtime.config.port, host);
  const address: unknown = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null && 'port' in address ? Number(address.port) : runtime.config.port;
  out.announce(app.get(DemoSeeder, { strict: false }).readyLine(browserUrl(host, port)));
  return app;
});
