import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type RaisedWhistle,
  WHISTLE_DUTY_CATEGORIES,
  WHISTLE_STATUSES,
  WHISTLE_STEPS,
  WHISTLE_URGENCIES,
  type WhistleDutyCategory,
  type WhistleStatus,
  type WhistleStep,
  type WhistleUrgency,
} from '@fangquan/domain';

export class WhistleDeadlinesDto {
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set when the whistle reaches its lead department' })
  acceptBy!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set when it is accepted (签收)' })
  arriveBy!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set when the department is on site (报到), or reopened' })
  resolveBy!: string | null;
}

export class WhistleDueDto {
  @ApiProperty({ enum: WHISTLE_STEPS, description: 'The step the lead department owes now' })
  step!: WhistleStep;

  @ApiProperty({ format: 'date-time', description: "The step's deadline" })
  by!: string;

  @ApiProperty({
    description: 'Working time (ms) left to the deadline at the time of the answer; negative once it has passed',
    example: 5400000,
  })
  workingMsLeft!: number;

  @ApiProperty({ description: "The step's limit in working time (ms): WHISTLE_*_WITHIN", example: 7200000 })
  workingMsAllowed!: number;
}

export class WhistleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  countyId!: string;

  @ApiProperty({ format: 'uuid' })
  townshipId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiPropertyOptional()
  dutyCode?: string;

  @ApiPropertyOptional({ enum: WHISTLE_DUTY_CATEGORIES, enumName: 'WhistleDutyCategory', description: "The item's category on the list" })
  dutyCategory?: WhistleDutyCategory;

  @ApiPropertyOptional()
  location?: string;

  @ApiProperty({ enum: WHISTLE_URGENCIES, enumName: 'WhistleUrgency' })
  urgency!: WhistleUrgency;

  @ApiProperty({ enum: WHISTLE_STATUSES, enumName: 'WhistleStatus' })
  status!: WhistleStatus;

  @ApiProperty()
  raisedBy!: string;

  @ApiProperty({ format: 'date-time' })
  raisedAt!: string;

  @ApiProperty({ description: 'The head (负责人) who signed it off, and when', nullable: true, type: Object })
  signedOff!: { by: string; at: string } | null;

  @ApiProperty({ example: '水利局', nullable: true, type: String, description: 'The lead department (主办); null while awaiting dispatch' })
  department!: string | null;

  @ApiProperty({ type: String, isArray: true, description: 'Co-handlers (协办)' })
  coDepartments!: string[];

  @ApiProperty({ enum: ['list', 'county-office'], nullable: true, type: String })
  routedBy!: 'list' | 'county-office' | null;

  @ApiProperty({ nullable: true, type: String, description: 'Why the county office has to dispatch it' })
  awaitingDispatchBecause!: string | null;

  @ApiProperty({ type: WhistleDeadlinesDto })
  deadlines!: WhistleDeadlinesDto;

  @ApiProperty({
    enum: WHISTLE_STEPS,
    isArray: true,
    description: 'Steps past their deadline and not done: recorded by supervision, or seen so at the time of the answer',
  })
  overdue!: WhistleStep[];

  @ApiProperty({
    type: WhistleDueDto,
    nullable: true,
    description: 'The step in progress, its deadline and the working time left (WORK_CALENDAR, WORK_HOURS); null when no step is timed',
  })
  due!: WhistleDueDto | null;

  @ApiProperty({ description: 'Whether each step was done by its deadline; null until done', type: Object })
  onTime!: Record<WhistleStep, boolean | null>;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  acceptedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  arrivedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  resolvedAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  result!: string | null;

  @ApiProperty({ type: Object, isArray: true })
  objections!: RaisedWhistle['objections'];

  @ApiProperty({ type: Object, nullable: true, description: 'An extension awaiting the county office' })
  extensionRequest!: RaisedWhistle['extensionRequest'];

  @ApiProperty({ type: Object, isArray: true })
  extensionDecisions!: RaisedWhistle['extensionDecisions'];

  @ApiProperty({ type: Object, nullable: true, description: '{ score, satisfied, comment?, evaluatedBy, evaluatedAt }' })
  evaluation!: RaisedWhistle['evaluation'];

  @ApiProperty({ type: Object, nullable: true })
  reopening!: RaisedWhistle['reopening'];

  @ApiProperty({ example: 3 })
  version!: number;
}

export class WhistleListDto {
  @ApiProperty({ type: WhistleDto, isArray: true })
  items!: WhistleDto[];

  @ApiProperty()
  total!: number;
}

export class DepartmentAssessmentDto {
  @ApiProperty({ example: '水利局' })
  department!: string;

  @ApiProperty({ description: 'Whistles it led, raised in the period' })
  whistles!: number;

  @ApiProperty()
  acceptedOnTime!: number;

  @ApiProperty()
  arrivedOnTime!: number;

  @ApiProperty()
  resolvedOnTime!: number;

  @ApiProperty({ description: 'Resolved and not reopened since' })
  resolved!: number;

  @ApiProperty()
  satisfied!: number;

  @ApiProperty({ nullable: true, type: Number, description: "The townships' mean score (1–5); null when none is evaluated" })
  meanScore!: number | null;

  @ApiProperty({ minimum: 0, maximum: 100, description: '0–100, see docs/assessment.md' })
  score!: number;
}
