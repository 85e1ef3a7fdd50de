import { overdueStepsAt, type RaisedWhistle, type WorkCalendar, whistleDueAt } from '@fangquan/domain';
import type { WhistleLimits } from '@fangquan/platform';
import type { WhistleDto } from './dto/whistle.dto';

/** The county's working time, by which the view measures what is left to a deadline. */
export interface WorkingTime {
  readonly workCalendar: WorkCalendar;
  readonly whistleLimits: WhistleLimits;
}

/** A whistle as the API shows it at `now`: its state, with the steps overdue then (`overdueStepsAt`) and what is due. */
export function toWhistleDto(state: RaisedWhistle, version: number, now: Date, time: WorkingTime): WhistleDto {
  const { whistleId, overdueRecords: _records, overdue: _recorded, ...rest } = state;
  return {
    id: whistleId,
    ...rest,
    overdue: overdueStepsAt(state, now.toISOString()),
    due: whistleDueAt(state, now, time.workCalendar, time.whistleLimits),
    version,
  };
}
