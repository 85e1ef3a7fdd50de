import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FangquanLogger, runProcess } from '@fangquan/platform';
import { WorkerModule } from './worker.module';

void runProcess('fangquan-worker', async (runtime) => {
  if (runtime.config.database.kind === 'embedded') {
    throw new Error('a separate worker process needs DATABASE_URL: the embedded database belongs to the one `npm start` process');
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime), { bufferLogs: true });
  app.useLogger(app.get(FangquanLogger));
  await app.init();
  return app;
});
