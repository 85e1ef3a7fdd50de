import { overdueStepsAt, type RaisedWhistle } from '@fangquan/domain';
import type { WhistleDto } from './dto/whistle.dto';

/** A whistle as the API shows it at `now`: its state, with the steps overdue then (`overdueStepsAt`). */
export function toWhistleDto(state: RaisedWhistle, version: number, now: Date): WhistleDto {
  const { whistleId, overdueRecords: _records, overdue: _recorded, ...rest } = state;
  return { id: whistleId, ...rest, overdue: overdueStepsAt(state, now.toISOString()), version };
}
