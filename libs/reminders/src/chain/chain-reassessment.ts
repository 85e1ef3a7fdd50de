import { Injectable } from '@nestjs/common';
import { assessReadiness, type Gap, type PowerItemState, teamCapacity, type TeamState } from '@fangquan/domain';
import type { EntityManager } from 'typeorm';
import { gapsClosedReminderId } from '../policy/reminder-ids';
import type { ScheduledReminder } from '../queues/reminder-queues';
import { chainStateOf, type ChainRecord, withChainState } from './chain-record';
import { LedgerAggregates } from './ledger-aggregates';
import { decideChain, pendingReminderId, pendingStep, type ChainState } from './reminder-chain';

/** What a reassessment wants done: rows to write, jobs to add, pending jobs to remove. */
export interface ChainChanges {
  readonly records: ChainRecord[];
  readonly add: ScheduledReminder[];
  readonly remove: string[];
}

/**
 * Assesses handovers' current gaps — the power's requirements against the team as it is now (loaded
 * from their streams in the caller's transaction, once per team and power) as of `today` — and turns
 * each change of gaps into chain changes and jobs. Used by the process manager for every batch and by
 * the readiness sweep (certificates lapse with the calendar, not with an event).
 */
@Injectable()
export class ChainReassessment {
  constructor(private readonly aggregates: LedgerAggregates) {}

  async reassess(tx: EntityManager, records: readonly ChainRecord[], original: ReadonlyMap<string, ChainRecord>, today: string, now: string): Promise<ChainChanges> {
    const teams = new Map<string, Promise<TeamState>>();
    const powers = new Map<string, Promise<PowerItemState>>();
    const team = (id: string): Promise<TeamState> => cached(teams, id, async () => (await this.aggregates.team(id, tx)).state);
    const power = (countyId: string, code: string): Promise<PowerItemState> =>
      cached(powers, JSON.stringify([countyId, code]), async () => (await this.aggregates.power(countyId, code, tx)).state);

    const changes: ChainChanges = { records: [], add: [], remove: [] };
    for (const record of records) {
      let current = record;
      let gaps: Gap[] | null = null;
      if (record.handoverStatus !== 'revoked') {
        // Sequential: one transaction, one connection.
        const teamState = await team(record.teamId);
        const powerState = await power(record.countyId, record.powerCode);
        current = {
          ...current,
          townshipName: teamState.status === 'formed' ? teamState.townshipName : current.townshipName,
          powerName: powerState.status === 'registered' ? powerState.name : current.powerName,
        };
        gaps =
          powerState.status === 'registered'
            ? assessReadiness({
                requirements: powerState.requirements,
                team: teamCapacity(teamState),
                committed: current.committed,
                department: current.department,
                effectiveOn: current.effectiveOn,
                today,
              })
            : [];
      }
      const decision = decideChain(chainStateOf(current), gaps);
      if (decision.kind !== 'none') current = withChainState(current, decision.next, now);
      switch (decision.kind) {
        case 'open':
          changes.add.push(gapStep(current.handoverId, decision.next));
          break;
        case 'change':
          pushDefined(changes.remove, pendingReminderId(current.handoverId, decision.previous));
          changes.add.push(gapStep(current.handoverId, decision.next));
          break;
        case 'close':
          pushDefined(changes.remove, pendingReminderId(current.handoverId, decision.previous));
          changes.add.push({
            id: gapsClosedReminderId(current.handoverId, decision.previous.episode),
            job: { kind: 'gaps-closed', handoverId: current.handoverId, episode: decision.previous.episode, revision: decision.next.revision },
            delayMs: 0,
          });
          break;
        case 'revoke':
          pushDefined(changes.remove, pendingReminderId(current.handoverId, decision.previous));
          break;
        case 'refresh':
        case 'none':
          break;
        default: {
          const unknown: never = decision;
          throw new Error(`Unknown chain decision ${JSON.stringify(unknown)}`);
        }
      }
      const before = original.get(current.handoverId);
      if (before === undefined || JSON.stringify(before) !== JSON.stringify(current)) changes.records.push(current);
    }
    return changes;
  }
}

/** The job of the step a chain waits for, due at once (a new episode, or gaps that changed). */
function gapStep(handoverId: string, chain: ChainState): ScheduledReminder {
  const step = pendingStep(handoverId, chain, 0);
  if (step === undefined) throw new Error(`Chain of handover ${handoverId} has no pending step`);
  return step;
}

function pushDefined(list: string[], value: string | undefined): void {
  if (value !== undefined) list.push(value);
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (value === undefined) {
    value = load();
    cache.set(key, value);
  }
  return value;
}
