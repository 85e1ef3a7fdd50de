import { Injectable } from '@nestjs/common';
import { assessReadiness, type Gap, type PowerItemState, teamCapacity, type TeamState } from '@fangquan/domain';
import type { EntityManager } from 'typeorm';
import { gapsClosedReminderId, gapUpdateReminderId, handoverRecordedReminderId } from '../policy/reminder-ids';
import type { ScheduledReminder } from '../queues/reminder-queues';
import { chainStateOf, type ChainRecord, withChainState } from './chain-record';
import { LedgerAggregates, powerKey } from './ledger-aggregates';
import { decideChain, pendingReminderId, pendingStep, type ChainState } from './reminder-chain';

/** What a reassessment wants done: rows to write, jobs to add, pending jobs to remove. */
export interface ChainChanges {
  readonly records: ChainRecord[];
  readonly add: ScheduledReminder[];
  readonly remove: string[];
}

/**
 * Assesses handovers' current gaps — the power's requirements against the team as it is now (loaded
 * from their streams in the caller's transaction, every team and power in one read) as of `today` — and turns
 * each change of gaps into chain changes and jobs (decideChain: steps follow time, growth is told at
 * once, shrinking only updates the chain), and a handover just recorded into its township's notice. Used by the process manager for every batch and by
 * the readiness sweep (certificates lapse with the calendar, not with an event).
 */
@Injectable()
export class ChainReassessment {
  constructor(private readonly aggregates: LedgerAggregates) {}

  async reassess(
    tx: EntityManager,
    records: readonly ChainRecord[],
    original: ReadonlyMap<string, ChainRecord>,
    today: string,
    now: string,
  ): Promise<ChainChanges> {
    // Every team and power the open handovers need, in one round trip.
    const open = records.filter((record) => record.handoverStatus !== 'revoked');
    const needed = new Map(
      open.map((record) => [powerKey(record.countyId, record.powerCode), { countyId: record.countyId, code: record.powerCode }]),
    );
    const states = await this.aggregates.teamsAndPowers([...new Set(open.map((record) => record.teamId))], [...needed.values()], tx);
    const team = (id: string): TeamState => {
      const state = states.teams.get(id);
      if (state === undefined) throw new Error(`team ${id} was not loaded`);
      return state;
    };
    const power = (countyId: string, code: string): PowerItemState => {
      const state = states.powers.get(powerKey(countyId, code));
      if (state === undefined) throw new Error(`power ${code} of county ${countyId} was not loaded`);
      return state;
    };

    const changes: ChainChanges = { records: [], add: [], remove: [] };
    for (const record of records) {
      let current = record;
      let gaps: Gap[] | null = null;
      if (record.handoverStatus !== 'revoked') {
        const teamState = team(record.teamId);
        const powerState = power(record.countyId, record.powerCode);
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
        case 'grow':
          // The pending step stays where it is, due at its time; the growth is told at once.
          if (decision.remind) changes.add.push(gapUpdate(current.handoverId, decision.next));
          break;
        case 'close':
          pushDefined(changes.remove, pendingReminderId(current.handoverId, decision.previous));
          changes.add.push({
            id: gapsClosedReminderId(current.handoverId, decision.previous.episode),
            job: {
              kind: 'gaps-closed',
              handoverId: current.handoverId,
              episode: decision.previous.episode,
              revision: decision.next.revision,
            },
            delayMs: 0,
          });
          break;
        case 'revoke':
          pushDefined(changes.remove, pendingReminderId(current.handoverId, decision.previous));
          break;
        case 'shrink':
        case 'refresh':
        case 'none':
          break;
        default: {
          const unknown: never = decision;
          throw new Error(`Unknown chain decision ${JSON.stringify(unknown)}`);
        }
      }
      const before = original.get(current.handoverId);
      // A handover just recorded: its township is told at once that it awaits its answer.
      if (before === undefined && current.handoverStatus === 'recorded') changes.add.push(handoverRecordedNotice(current.handoverId));
      if (before === undefined || JSON.stringify(before) !== JSON.stringify(current)) changes.records.push(current);
    }
    return changes;
  }
}

/** The job of the step a chain waits for, due at once (a new episode). */
function gapStep(handoverId: string, chain: ChainState): ScheduledReminder {
  const step = pendingStep(handoverId, chain, 0);
  if (step === undefined) throw new Error(`Chain of handover ${handoverId} has no pending step`);
  return step;
}

/** The reminder of gaps that grew, due at once (its delivery coalesces it with a reminder just sent). */
function gapUpdate(handoverId: string, chain: ChainState): ScheduledReminder {
  return {
    id: gapUpdateReminderId(handoverId, chain.episode, `r${chain.revision}`),
    job: { kind: 'gap-update', handoverId, episode: chain.episode, revision: chain.revision },
    delayMs: 0,
  };
}

function handoverRecordedNotice(handoverId: string): ScheduledReminder {
  return { id: handoverRecordedReminderId(handoverId), job: { kind: 'handover-recorded', handoverId }, delayMs: 0 };
}

function pushDefined(list: string[], value: string | undefined): void {
  if (value !== undefined) list.push(value);
}
