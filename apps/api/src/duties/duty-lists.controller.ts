import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { countDuties, type DutyListState } from '@fangquan/domain';
import { DutyLists, type DutyListSources, type TownshipRef } from '@fangquan/ledger';
import { DutyListQueries, ReadModelFreshness } from '@fangquan/read-models';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CommandCall } from '../http/command-call.decorator';
import { written } from '../http/ledger-http';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { IF_MATCH } from './duties.controller';
import { DutyCodePipe } from './duty-code.pipe';
import { DutyListSourcesReader } from './duty-list-sources';
import { DutyListDto, DutyListPublicationDto, DutyListVersionDto, PublishDutyListDto, SetDutyListItemDto } from './dto/duty-list.dto';

function toDutyListDto(township: TownshipRef, state: DutyListState, version: number, sources: DutyListSources): DutyListDto {
  const items = DutyLists.resolve(state, sources);
  const published = state.published;
  return {
    townshipId: township.id,
    published:
      published === null ? null : { version: published.version, publishedAt: published.publishedAt, decisionRef: published.decisionRef },
    items,
    counts: countDuties(items),
    version,
  };
}

/**
 * Each township's duty list (一乡一单): the working draft with the items its handovers give it, and
 * its published versions. County roles of the county read every township's; a township's users read
 * their own; only the county_admin writes.
 */
@ApiTags('duty lists')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: "Another county, another township's list, or a role that does not write lists" })
@ApiNotFoundResponse({ description: 'No such township' })
@Controller('townships/:townshipId/duty-list')
export class DutyListsController {
  constructor(
    private readonly lists: DutyLists,
    private readonly reads: DutyListSourcesReader,
    private readonly publications: DutyListQueries,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @ApiOperation({ summary: "The township's working draft, with the items derived from its handovers" })
  @ApiOkResponse({ type: DutyListDto })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('townshipId', new UuidParamPipe('townshipId')) townshipId: string,
  ): Promise<DutyListDto> {
    const township = await this.reads.township(user, townshipId);
    const [loaded, sources] = await Promise.all([this.lists.load(township.id), this.reads.sources(township)]);
    return toDutyListDto(township, loaded.state, loaded.version, sources);
  }

  @Put('items/:dutyCode')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: "Set an item's category on the draft (county_admin): assisting needs cooperation and leadDepartment, returned leadDepartment",
  })
  @ApiOkResponse({ type: DutyListDto })
  @ApiBadRequestResponse({ description: 'A category outside the three, or what the category needs missing' })
  @ApiConflictResponse({ description: 'The item stands for a power held by an active handover (it stays basic); stale If-Match' })
  async setItem(
    @CurrentUser() user: AuthenticatedUser,
    @Param('townshipId', new UuidParamPipe('townshipId')) townshipId: string,
    @Param('dutyCode', new DutyCodePipe('dutyCode')) dutyCode: string,
    @Body() body: SetDutyListItemDto,
    @CommandCall() call: CommandCall,
  ): Promise<DutyListDto> {
    const township = await this.reads.township(user, townshipId);
    const sources = await this.reads.sources(township);
    const result = written(
      await this.lists.setItem(call.actor, township, { ...body, dutyCode }, sources.activeHandoverPowers, call.options),
    );
    return toDutyListDto(township, result.state, result.version, sources);
  }

  @Delete('items/:dutyCode')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Remove an item from the draft (county_admin)' })
  @ApiOkResponse({ type: DutyListDto })
  async removeItem(
    @CurrentUser() user: AuthenticatedUser,
    @Param('townshipId', new UuidParamPipe('townshipId')) townshipId: string,
    @Param('dutyCode', new DutyCodePipe('dutyCode')) dutyCode: string,
    @CommandCall() call: CommandCall,
  ): Promise<DutyListDto> {
    const township = await this.reads.township(user, townshipId);
    const result = written(await this.lists.removeItem(call.actor, township, dutyCode, call.options));
    return toDutyListDto(township, result.state, result.version, await this.reads.sources(township));
  }

  @Post('compile')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiHeader(IF_MATCH)
  @ApiOperation({
    summary: 'Add every catalogue item missing from the draft with its default category (county_admin); items there keep theirs',
  })
  @ApiOkResponse({ type: DutyListDto })
  async compile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('townshipId', new UuidParamPipe('townshipId')) townshipId: string,
    @CommandCall() call: CommandCall,
  ): Promise<DutyListDto> {
    const township = await this.reads.township(user, townshipId);
    const sources = await this.reads.sources(township);
    const result = written(
      await this.lists.compile(call.actor, township, [...sources.duties.values()], sources.activeHandoverPowers, call.options),
    );
    return toDutyListDto(township, result.state, result.version, sources);
  }

  @Post('publications')
  @Roles('county_admin')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Publish the draft as the next version with its decision reference (county_admin)' })
  @ApiCreatedResponse({ type: DutyListPublicationDto })
  @ApiConflictResponse({
    description: 'The draft is the same as the last version (duty-list-unchanged), empty or incomplete; stale If-Match',
  })
  async publish(
    @CurrentUser() user: AuthenticatedUser,
    @Param('townshipId', new UuidParamPipe('townshipId')) townshipId: string,
    @Body() body: PublishDutyListDto,
    @CommandCall() call: CommandCall,
  ): Promise<DutyListPublicationDto> {
    const township = await this.reads.township(user, townshipId);
    const sources = await this.reads.sources(township);
    const result = written(await this.lists.publish(call.actor, township, body, sources, call.options));
    if (result.lastGlobalPosition !== null) await this.freshness.waitFor(result.lastGlobalPosition);
    const published = result.state.published;
    if (published === null) throw new Error('A publication left the list unpublished');
    const { version, publishedAt, decisionRef, note, changes } = published;
    return { version, publishedAt, decisionRef, ...(note === undefined ? {} : { note }), changes };
  }

  @Get('publications')
  @ApiOperation({ summary: 'Every published version of the list, oldest first, with its items and changes' })
  @ApiOkResponse({ type: DutyListVersionDto, isArray: true })
  async versions(
    @CurrentUser() user: AuthenticatedUser,
    @Param('townshipId', new UuidParamPipe('townshipId')) townshipId: string,
  ): Promise<DutyListVersionDto[]> {
    const township = await this.reads.township(user, townshipId);
    const versions = await this.publications.publications(township.id);
    return versions.map(({ version, publishedAt, decisionRef, note, items, changes }) => ({
      version,
      publishedAt,
      decisionRef,
      ...(note === null ? {} : { note }),
      changes,
      items,
      counts: countDuties(items),
    }));
  }
}
