import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { TaskAdmissions } from '@fangquan/ledger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CommandCall } from '../http/command-call.decorator';
import { actorOf, written } from '../http/ledger-http';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { requireOwnCounty } from '../auth/access';
import { TownshipsService } from '../identity/townships.service';
import { FileTaskAdmissionDto, ListTaskAdmissionsQuery, TaskAdmissionDecisionDto, TaskAdmissionDto } from './dto/task-admission.dto';

/**
 * Task admission (事项准入): a department asks to have townships take a task outside their lists,
 * with the means that come with it; the county office admits or refuses. An admitted task is on the
 * named townships' lists (source `admission`) until its end date.
 */
@ApiTags('task-admissions')
@ApiBearerAuth()
@Controller('task-admissions')
export class TaskAdmissionsController {
  constructor(
    private readonly admissions: TaskAdmissions,
    private readonly townships: TownshipsService,
  ) {}

  @Post()
  @Roles('department')
  @ApiOperation({ summary: 'File a task for townships of the county, with its legal basis, means and dates (department)' })
  @ApiCreatedResponse({ type: TaskAdmissionDto, description: 'Pending the county office' })
  @ApiBadRequestResponse({ description: 'Every bad field named: townships of another county, endsOn before startsOn, negative means' })
  async file(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: FileTaskAdmissionDto,
    @CommandCall({ ifMatch: false }) call: CommandCall,
  ): Promise<TaskAdmissionDto> {
    const townships = await this.townships.list(user, requireOwnCounty(user));
    const result = await this.admissions.file(call.actor, body, new Set(townships.map((township) => township.id)), call.options);
    return written(result).state;
  }

  @Get()
  @ApiOperation({ summary: "The county's task admission requests (a department: its own; a township: those naming it)" })
  @ApiOkResponse({ type: TaskAdmissionDto, isArray: true })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListTaskAdmissionsQuery): Promise<TaskAdmissionDto[]> {
    return this.admissions.list(actorOf(user), query);
  }

  @Post(':id/decision')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Admit or refuse, with a reason (county_admin); decided once' })
  @ApiOkResponse({ type: TaskAdmissionDto })
  @ApiNotFoundResponse({ description: 'No such request in the county' })
  @ApiConflictResponse({
    description:
      'Already decided (admission-decided); a task without any means (task-without-means: Shandong township regulation art. 4 and 13)',
  })
  async decide(
    @Param('id', new UuidParamPipe('id')) id: string,
    @Body() body: TaskAdmissionDecisionDto,
    @CommandCall() call: CommandCall,
  ): Promise<TaskAdmissionDto> {
    return written(await this.admissions.decide(call.actor, id, body, call.options)).state;
  }
}
