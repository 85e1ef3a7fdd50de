import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { PublicDutyListController } from './public-duty-list.controller';
import { PublicDutyListService } from './public-duty-list.service';
import { PublicDutyListFastPath } from './public-duty-list.fast-path';
import { PublicRateLimiter, PublicRateLimitGuard } from './public-rate-limit.guard';
import { PublishedDutyLists } from './published-duty-lists';
import { ReadModelPublishedDutyLists } from './read-model-published-duty-lists';

/** HTTP: 公示 — the token-free duty list of a township and its QR codes. Queries come from the global ReadModelsModule. */
@Module({
  controllers: [PublicDutyListController],
  providers: [
    PublicDutyListService,
    PublicRateLimiter,
    PublicRateLimitGuard,
    { provide: PublishedDutyLists, useClass: ReadModelPublishedDutyLists },
  ],
})
export class PublicDutyListModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PublicDutyListFastPath).forRoutes({ path: 'public/townships/:townshipId/duty-list', method: RequestMethod.GET });
  }
}
