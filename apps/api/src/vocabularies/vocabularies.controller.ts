import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
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
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { VOCABULARIES, type Vocabulary, type VocabularyState } from '@fangquan/domain';
import { Vocabularies } from '@fangquan/ledger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CountyQuery } from '../catalogue/dto/powers.query';
import { actorOf, CorrelationId, written } from '../handovers/ledger-http';
import { countyOf } from '../handovers/scope';
import { IfMatchVersion } from '../http/if-match.decorator';
import { AddTermDto, RenameTermDto, VocabulariesDto, VocabularyDto } from './dto/vocabulary.dto';
import { TermCodePipe, VocabularyPipe } from './vocabulary-params.pipe';

function toVocabularyDto(vocabulary: Vocabulary, state: VocabularyState, version: number): VocabularyDto {
  return { vocabulary, terms: state.status === 'none' ? [] : state.terms.map(({ code, name }) => ({ code, name })), version };
}

const VOCABULARY_PARAM = {
  name: 'vocabulary',
  enum: VOCABULARIES,
  description: 'equipment-kinds (装备种类) or training-courses (培训课程)',
};
const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The vocabulary version last seen, e.g. "3"; a stale one is refused with 409 and nothing is written',
};

/**
 * The county vocabularies (词表): the equipment kinds and training courses that power requirements,
 * teams and handover commitments may name — anything else is refused with 400 (`unknown-equipment-kind`,
 * `unknown-training-course`). Everyone in the county reads them; the county office adds and renames.
 */
@ApiTags('vocabularies')
@ApiBearerAuth()
@Controller('vocabularies')
@ApiForbiddenResponse({ description: 'Another county; only the county_admin writes' })
export class VocabulariesController {
  constructor(private readonly vocabularies: Vocabularies) {}

  @Get()
  @ApiOperation({ summary: "Both vocabularies of the caller's county (the system admin names one: ?countyId=)" })
  @ApiOkResponse({ type: VocabulariesDto })
  async both(@CurrentUser() user: AuthenticatedUser, @Query() query: CountyQuery): Promise<VocabulariesDto> {
    const countyId = countyOf(user, query.countyId);
    const [kinds, courses] = await Promise.all([
      this.vocabularies.load(countyId, 'equipment-kinds'),
      this.vocabularies.load(countyId, 'training-courses'),
    ]);
    return {
      'equipment-kinds': toVocabularyDto('equipment-kinds', kinds.state, kinds.version),
      'training-courses': toVocabularyDto('training-courses', courses.state, courses.version),
    };
  }

  @Get(':vocabulary')
  @ApiParam(VOCABULARY_PARAM)
  @ApiOperation({ summary: "One vocabulary of the caller's county, its terms in the order they were added" })
  @ApiOkResponse({ type: VocabularyDto })
  @ApiNotFoundResponse({ description: 'No such vocabulary' })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('vocabulary', VocabularyPipe) vocabulary: Vocabulary,
    @Query() query: CountyQuery,
  ): Promise<VocabularyDto> {
    const loaded = await this.vocabularies.load(countyOf(user, query.countyId), vocabulary);
    return toVocabularyDto(vocabulary, loaded.state, loaded.version);
  }

  @Post(':vocabulary')
  @Roles('county_admin')
  @ApiParam(VOCABULARY_PARAM)
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Add a term (county_admin); the same code and name again changes nothing' })
  @ApiCreatedResponse({ type: VocabularyDto, description: 'The vocabulary with the new term' })
  @ApiBadRequestResponse({ description: 'Every bad field named' })
  @ApiConflictResponse({
    description:
      'The code is there under another name (term-already-in-vocabulary), another term has the name (term-name-in-use), stale If-Match',
  })
  async add(
    @CurrentUser() user: AuthenticatedUser,
    @Param('vocabulary', VocabularyPipe) vocabulary: Vocabulary,
    @Body() body: AddTermDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CorrelationId() correlationId: string,
  ): Promise<VocabularyDto> {
    const result = written(
      await this.vocabularies.addTerm(actorOf(user), vocabulary, { code: body.code, name: body.name }, { correlationId, expectedVersion }),
    );
    return toVocabularyDto(vocabulary, result.state, result.version);
  }

  @Put(':vocabulary/:code')
  @Roles('county_admin')
  @HttpCode(200)
  @ApiParam(VOCABULARY_PARAM)
  @ApiParam({ name: 'code', description: 'The code of the term (URL-encoded)' })
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Rename a term (county_admin); its code, which records carry, stays' })
  @ApiOkResponse({ type: VocabularyDto })
  @ApiBadRequestResponse({ description: 'Every bad field named' })
  @ApiNotFoundResponse({ description: 'No such vocabulary, or no such code in it' })
  @ApiConflictResponse({ description: 'Another term has the name (term-name-in-use), stale If-Match' })
  async rename(
    @CurrentUser() user: AuthenticatedUser,
    @Param('vocabulary', VocabularyPipe) vocabulary: Vocabulary,
    @Param('code', TermCodePipe) code: string,
    @Body() body: RenameTermDto,
    @IfMatchVersion() expectedVersion: number | undefined,
    @CorrelationId() correlationId: string,
  ): Promise<VocabularyDto> {
    const result = written(
      await this.vocabularies.renameTerm(actorOf(user), vocabulary, { code, name: body.name }, { correlationId, expectedVersion }),
    );
    return toVocabularyDto(vocabulary, result.state, result.version);
  }
}
