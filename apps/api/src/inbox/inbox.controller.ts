import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InboxQueries } from '@fangquan/reminders';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProblemException } from '../http/problem';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { InboxItemDto, InboxQuery, MarkedReadDto } from './dto/inbox.dto';

/** The caller's in-app inbox of reminders. */
@ApiTags('reminders')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly inbox: InboxQueries) {}

  @Get()
  @ApiOperation({ summary: "The caller's reminders, newest first" })
  @ApiOkResponse({ type: InboxItemDto, isArray: true })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: InboxQuery): Promise<InboxItemDto[]> {
    return this.inbox.list(user.userId, {
      ...(query.unread === undefined ? {} : { unread: query.unread }),
      ...(query.limit === undefined ? {} : { limit: query.limit }),
    });
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every one of your unread reminders read (全部标为已读)' })
  @ApiOkResponse({ type: MarkedReadDto })
  async readAll(@CurrentUser() user: AuthenticatedUser): Promise<MarkedReadDto> {
    return { read: await this.inbox.markAllRead(user.userId) };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your reminders read (again: no change)' })
  @ApiOkResponse({ type: InboxItemDto })
  @ApiBadRequestResponse({ description: 'The id is not a UUID' })
  @ApiNotFoundResponse({ description: 'You have no reminder by that id' })
  async read(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<InboxItemDto> {
    const item = await this.inbox.markRead(user.userId, id);
    if (item === null) throw ProblemException.notFound(`You have no reminder ${id} in your inbox`);
    return item;
  }
}
