import { Controller, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ADMIN_QUEUES_COOKIE, ADMIN_QUEUES_PATH } from './admin-only.middleware';
import { ADMIN_QUEUES_SESSION_SECONDS, AdminQueuesSessions } from './admin-queues-sessions.service';

export class AdminQueuesSessionDto {
  @ApiProperty({ example: ADMIN_QUEUES_PATH, description: 'Where the browser opens the dashboard, now that it holds the cookie' })
  url!: string;

  @ApiProperty({ example: '2026-12-06T14:10:00.000Z', description: 'When the cookie stops letting the browser in' })
  expiresAt!: string;
}

/** The way into the queue dashboard from the web app (a page load cannot carry the bearer token). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/queues')
export class AdminQueuesController {
  constructor(private readonly sessions: AdminQueuesSessions) {}

  @Post('session')
  @Roles('admin')
  @ApiOperation({
    summary: 'Open the queue dashboard in this browser (system admin)',
    description: `Sets a short-lived (${ADMIN_QUEUES_SESSION_SECONDS / 60} min), HttpOnly, SameSite=Strict cookie scoped to ${ADMIN_QUEUES_PATH}; then open the returned url.`,
  })
  @ApiCreatedResponse({ type: AdminQueuesSessionDto })
  @ApiForbiddenResponse({ description: 'Not the system admin' })
  async open(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AdminQueuesSessionDto> {
    const session = await this.sessions.issue(user);
    response.cookie(ADMIN_QUEUES_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: ADMIN_QUEUES_PATH,
      maxAge: ADMIN_QUEUES_SESSION_SECONDS * 1000,
    });
    return { url: ADMIN_QUEUES_PATH, expiresAt: session.expiresAt };
  }
}
