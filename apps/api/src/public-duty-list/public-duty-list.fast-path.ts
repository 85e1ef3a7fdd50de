import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LIST_CACHE_CONTROL, sendPublicAnswer } from './public-answer';
import { PublicDutyListService } from './public-duty-list.service';
import { PublicRateLimiter } from './public-rate-limit.guard';

const LIST_PATH = /\/public\/townships\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/duty-list\/?$/;

/**
 * Every resident's phone asks for the same few lists: a list this process holds (fresh within
 * PUBLIC_CACHE_TTL) is answered here, before the framework's routing, guards and pipes, with the
 * same headers the controller sends. Anything else — a list to load, an address past its allowance
 * (counted here once), another path — goes on to the controller, which answers it in full.
 */
@Injectable()
export class PublicDutyListFastPath implements NestMiddleware {
  constructor(
    private readonly lists: PublicDutyListService,
    private readonly limiter: PublicRateLimiter,
  ) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const townshipId = request.method === 'GET' || request.method === 'HEAD' ? LIST_PATH.exec(request.path)?.[1] : undefined;
    const answer = townshipId === undefined ? undefined : this.lists.held(townshipId);
    if (answer === undefined || this.limiter.take(request) !== 0) return next();
    sendPublicAnswer(request, response, answer, 'application/json; charset=utf-8', LIST_CACHE_CONTROL);
  }
}
