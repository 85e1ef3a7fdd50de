import { Inject, Injectable } from '@nestjs/common';
import {
  forecastGaps,
  planHandoverBatch,
  type Forecast,
  type FieldError,
  type HandoverBatchPlan,
  type PlannedPower,
  type PlannedTownship,
} from '@fangquan/domain';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, localDate } from '@fangquan/platform';
import { capacityOf, HandoverQueries, PowerQueries, TeamQueries } from '@fangquan/read-models';
import { Township } from '@fangquan/identity';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ProblemException } from '../http/problem';
import { PLAN_POWERS_MAX, PLAN_TOWNSHIPS_MAX } from './dto/handover-batch.dto';

export interface HandoverBatchRequest {
  powerCodes: unknown[];
  townshipIds: unknown[];
  effectiveOn: string;
}

/**
 * The batch planner and the forecast, answered from the read tables (the power, team and handover rows)
 * by the domain's pure functions. Both write nothing.
 */
@Injectable()
export class PlanningService {
  constructor(
    private readonly powers: PowerQueries,
    private readonly teams: TeamQueries,
    private readonly handovers: HandoverQueries,
    @InjectRepository(Township) private readonly townships: Repository<Township>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): string {
    return localDate(this.clock.now(), this.config.timeZone);
  }

  /** Every bad field named: lists of 1..max entries, each once, each known to the county; effectiveOn not before today. */
  async planBatch(countyId: string, request: HandoverBatchRequest): Promise<HandoverBatchPlan> {
    const today = this.today();
    const [catalogue, townships, teams] = await Promise.all([
      this.powers.list(countyId),
      this.townships.find({ where: { countyId } }),
      this.teams.ofCounty(countyId),
    ]);
    const powersByCode = new Map(catalogue.map((power) => [power.code, power]));
    const countyTownships = new Set(townships.map((township) => township.id));
    const errors: FieldError[] = [
      ...listErrors(
        'powerCodes',
        request.powerCodes,
        PLAN_POWERS_MAX,
        (code) => powersByCode.has(code),
        "is not in the county's power catalogue",
      ),
      ...listErrors(
        'townshipIds',
        request.townshipIds,
        PLAN_TOWNSHIPS_MAX,
        (id) => countyTownships.has(id),
        'no such township in the county',
      ),
    ];
    if (request.effectiveOn < today)
      errors.push({ field: 'effectiveOn', message: `must not be before today (${today})`, code: 'too-early' });
    if (errors.length > 0) throw ProblemException.badRequest(errors);

    const teamsByTownship = new Map(teams.map((team) => [team.townshipId, team]));
    const powers: PlannedPower[] = (request.powerCodes as string[]).map((code) => {
      const { department, requirements } = powersByCode.get(code) ?? {
        department: '',
        requirements: { certifiedOfficers: 0, equipment: [], training: [] },
      };
      return { code, department, requirements };
    });
    const planned: PlannedTownship[] = (request.townshipIds as string[]).map((townshipId) => {
      const team = teamsByTownship.get(townshipId);
      return { townshipId, team: team === undefined ? null : capacityOf(team) };
    });
    return planHandoverBatch({ powers, townships: planned, effectiveOn: request.effectiveOn, today });
  }

  /** Month 1 is the current month in the county's time zone; with `department`, that department's handovers only. */
  async forecast(countyId: string, months: number, department?: string): Promise<Forecast> {
    const [catalogue, teams, handovers] = await Promise.all([
      this.powers.list(countyId),
      this.teams.ofCounty(countyId),
      this.handovers.openHandovers({ countyId }),
    ]);
    return forecastGaps({
      today: this.today(),
      months,
      requirements: new Map(catalogue.map((power) => [power.code, power.requirements])),
      teams: teams.map((team) => ({ teamId: team.id, townshipId: team.townshipId, officers: team.officers, capacity: capacityOf(team) })),
      handovers: handovers
        .filter((handover) => department === undefined || handover.department === department)
        .map((handover) => ({
          handoverId: handover.id,
          townshipId: handover.townshipId,
          teamId: handover.teamId,
          powerCode: handover.powerCode,
          department: handover.department,
          mode: handover.mode,
          effectiveOn: handover.effectiveOn,
          endsOn: handover.endsOn,
          committed: handover.committed,
        })),
    });
  }
}

/** A list of 1..max texts, each once and each `known`: every bad entry named `field[i]`. */
function listErrors(
  field: string,
  values: readonly unknown[],
  max: number,
  known: (value: string) => boolean,
  unknownMessage: string,
): FieldError[] {
  if (values.length === 0) return [{ field, message: 'must name at least one' }];
  if (values.length > max) return [{ field, message: `must have at most ${max} entries` }];
  const seen = new Set<string>();
  return values.flatMap((value, index): FieldError[] => {
    const at = `${field}[${index}]`;
    if (typeof value !== 'string') return [{ field: at, message: 'must be text' }];
    if (seen.has(value)) return [{ field: at, message: `duplicate ${value}`, code: 'duplicate' }];
    seen.add(value);
    return known(value) ? [] : [{ field: at, message: unknownMessage }];
  });
}
