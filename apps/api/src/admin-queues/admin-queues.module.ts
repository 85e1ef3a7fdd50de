import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ReminderQueues } from '@fangquan/reminders';
import { AccessTokenService } from '../auth/access-token.service';
import { ADMIN_QUEUES_PATH, adminOnly } from './admin-only.middleware';
import { AdminQueuesSessions } from './admin-queues-sessions.service';
import { AdminQueuesController } from './admin-queues.controller';
import { FontFreeExpressAdapter } from './font-free-express-adapter';

/**
 * The operator's view of the reminder queues (bull-board) at `/admin/queues`, outside the API's base
 * path: waiting, delayed, failed jobs with their reasons, retry and clean. System admin only; the web
 * app lets the admin in through `POST /api/v1/admin/queues/session` (a short-lived cookie).
 */
@Module({ controllers: [AdminQueuesController], providers: [AdminQueuesSessions] })
export class AdminQueuesModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly queues: ReminderQueues,
    private readonly sessions: AdminQueuesSessions,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (http === undefined || http === null) return;
    const serverAdapter = new FontFreeExpressAdapter();
    serverAdapter.setBasePath(ADMIN_QUEUES_PATH);
    createBullBoard({
      queues: this.queues.all().map((queue) => new BullMQAdapter(queue)),
      serverAdapter,
      options: { uiConfig: { boardTitle: '放权 · 提醒队列' } },
    });
    const tokens = this.moduleRef.get(AccessTokenService, { strict: false });
    http.use(ADMIN_QUEUES_PATH, adminOnly(tokens, this.sessions), serverAdapter.getRouter());
  }
}
