import { Inject, Injectable } from '@nestjs/common';
import { toReadiness, type Gap, type RecordedHandover } from '@fangquan/domain';
import { Handovers } from '@fangquan/ledger';
import { HandoverQueries, ReadModelFreshness } from '@fangquan/read-models';
import { CLOCK, type Clock } from '@fangquan/platform';
import { ProblemException } from '../http/problem';
import type { HandoverDto } from './dto/handover.dto';

/** What a handover command wrote, as the ledger returns it. */
export interface WrittenHandover {
  readonly state: RecordedHandover;
  readonly version: number;
  readonly gaps: Gap[];
  readonly lastGlobalPosition: string | null;
}

type Known = Pick<HandoverDto, 'powerName' | 'townshipName' | 'recordedAt' | 'updatedAt'>;

function fromLedger(state: RecordedHandover, version: number, gaps: readonly Gap[], known: Known): HandoverDto {
  return {
    id: state.handoverId,
    countyId: state.countyId,
    powerCode: state.powerCode,
    powerName: known.powerName,
    teamId: state.teamId,
    townshipId: state.townshipId,
    townshipName: known.townshipName,
    department: state.department,
    status: state.status,
    mode: state.mode,
    instrument: state.instrument,
    effectiveOn: state.effectiveOn,
    endsOn: state.endsOn ?? null,
    committed: state.committed,
    readiness: toReadiness(gaps),
    version,
    recordedAt: known.recordedAt,
    updatedAt: known.updatedAt,
  };
}

/**
 * Handovers as the API shows them: from the read side (after waiting for a write to reach it), and
 * from the stream itself when the read side has not caught up — the answer always includes the write.
 */
@Injectable()
export class HandoverReads {
  constructor(
    private readonly handovers: Handovers,
    private readonly queries: HandoverQueries,
    private readonly freshness: ReadModelFreshness,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A handover just recorded: answered from what the command wrote (the same fields and readiness the
   * read row gets), once the read side includes it so that the next list shows it too.
   */
  async afterRecord(
    result: WrittenHandover & Pick<HandoverDto, 'recordedAt'> & { powerName: string; townshipName: string },
  ): Promise<HandoverDto> {
    if (result.lastGlobalPosition !== null) await this.freshness.waitFor(result.lastGlobalPosition);
    const { powerName, townshipName, recordedAt } = result;
    return fromLedger(result.state, result.version, result.gaps, { powerName, townshipName, recordedAt, updatedAt: recordedAt });
  }

  /** The handover after a command: the read row once it includes the command, else the ledger's state. */
  async afterWrite(result: WrittenHandover): Promise<HandoverDto> {
    if (result.lastGlobalPosition !== null) await this.freshness.waitFor(result.lastGlobalPosition);
    const view = await this.queries.get(result.state.handoverId);
    if (view !== null && view.version >= result.version) return view;
    const now = this.clock.now().toISOString();
    return fromLedger(result.state, result.version, result.gaps, {
      powerName: view?.powerName ?? null,
      townshipName: view?.townshipName ?? null,
      recordedAt: view?.recordedAt ?? now,
      updatedAt: now,
    });
  }

  /** The handover; 404 when there is none. */
  async get(handoverId: string): Promise<HandoverDto> {
    const view = await this.queries.get(handoverId);
    if (view !== null) return view;
    const loaded = await this.handovers.load(handoverId);
    if (loaded.state.status === 'none') throw ProblemException.notFound(`Handover ${handoverId} does not exist`);
    const history = (await this.handovers.history(handoverId)) ?? [];
    const now = this.clock.now().toISOString();
    return fromLedger(loaded.state, loaded.version, await this.handovers.gapsOf(loaded.state), {
      powerName: null,
      townshipName: null,
      recordedAt: history[0]?.occurredAt ?? now,
      updatedAt: history.at(-1)?.occurredAt ?? now,
    });
  }
}
