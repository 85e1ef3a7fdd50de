import type { DataSource } from 'typeorm';
import { type Clock, localDate } from '@fangquan/platform';
import { HandoverView } from '../entities/handover-view.entity';
import { lockReadModels } from './read-models.lock';
import { BatchRows } from './read-model.rows';

export interface RefreshOutcome {
  /** Open handovers re-assessed. */
  readonly checked: number;
  /** Of those, how many rows changed (a certificate lapsed, an effective date came, …). */
  readonly changed: number;
  /** The date they were assessed as of. */
  readonly today: string;
}

/**
 * The daily readiness sweep: certificates lapse with the calendar, not only on writes. Re-assesses
 * every open (non-revoked) handover as of today, in small transactions of `batchSize` handovers (by
 * id), each holding the projection's lock so that it never interleaves with a projection batch.
 */
export class ReadinessRefresher {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly timeZone: string,
    private readonly batchSize = 200,
  ) {}

  /** `signal` (e.g. shutdown) stops the sweep between two batches; what was swept stays swept. */
  async refreshAll(options: { signal?: AbortSignal } = {}): Promise<RefreshOutcome> {
    const today = localDate(this.clock.now(), this.timeZone);
    let after = '';
    let checked = 0;
    let changed = 0;
    for (;;) {
      if (options.signal?.aborted === true) return { checked, changed, today };
      const batch = await this.dataSource.transaction(async (tx) => {
        await lockReadModels(tx);
        const ids = (
          await tx
            .createQueryBuilder(HandoverView, 'h')
            .select('h.id', 'id')
            .where("h.status <> 'revoked'")
            .andWhere('h.id > :after', { after })
            .orderBy('h.id')
            .limit(this.batchSize)
            .getRawMany<{ id: string }>()
        ).map((row) => row.id);
        const rows = await BatchRows.loadHandovers(tx, ids);
        let changedHere = 0;
        for (const handover of [...rows.handovers.all()])
          if (handover.status !== 'revoked' && rows.reassess(handover, today)) changedHere += 1;
        await rows.flush(tx);
        return { ids, outcome: { checked: ids.length, changed: changedHere } };
      });
      checked += batch.outcome.checked;
      changed += batch.outcome.changed;
      const last = batch.ids[batch.ids.length - 1];
      if (last === undefined || batch.ids.length < this.batchSize) return { checked, changed, today };
      after = last;
    }
  }
}
