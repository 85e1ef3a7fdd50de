import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { ReminderQueues } from '@fangquan/reminders';
import { AccessTokenService } from '../auth/access-token.service';
import { ADMIN_QUEUES_PATH, adminOnly } from './admin-only.middleware';

/**
 * The operator's view of the reminder queues (bull-board) at `/admin/queues`, outside the API's base
 * path: waiting, delayed, failed jobs with their reasons, retry and clean. System admin only.
 */
@Module({})
export class AdminQueuesModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly queues: ReminderQueues,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (http === undefined || http === null) return;
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(ADMIN_QUEUES_PATH);
    createBullBoard({
      queues: this.queues.all().map((queue) => new BullMQAdapter(queue)),
      serverAdapter,
      options: { uiConfig: { boardTitle: '放权 · 提醒队列' } },
    });
    const tokens = this.moduleRef.get(AccessTokenService, { strict: false });
    http.use(ADMIN_QUEUES_PATH, adminOnly(tokens), serverAdapter.getRouter());
  }
}
