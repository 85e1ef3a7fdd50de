import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Handovers } from '@fangquan/ledger';
import { HandoverReminderQueries } from '@fangquan/reminders';
import { assertTownshipAccess } from '../auth/access';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProblemException } from '../http/problem';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { HandoverReminderDto } from './dto/inbox.dto';

/** The reminders of one handover, for whoever may read the handover. */
@ApiTags('reminders')
@ApiBearerAuth()
@Controller('handovers')
export class HandoverRemindersController {
  constructor(
    private readonly handovers: Handovers,
    private readonly reminders: HandoverReminderQueries,
  ) {}

  @Get(':id/reminders')
  @ApiOperation({ summary: 'Every reminder of the handover, oldest first, with its deliveries (channel, status, attempts)' })
  @ApiOkResponse({ type: HandoverReminderDto, isArray: true })
  @ApiNotFoundResponse({ description: 'Unknown handover' })
  @ApiForbiddenResponse({ description: 'Another county or township' })
  async list(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('id')) id: string): Promise<HandoverReminderDto[]> {
    const loaded = await this.handovers.load(id);
    if (loaded.state.status === 'none') throw ProblemException.notFound(`Handover ${id} does not exist`);
    assertTownshipAccess(user, loaded.state);
    return this.reminders.list(id);
  }
}
