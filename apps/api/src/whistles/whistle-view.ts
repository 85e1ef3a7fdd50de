import { deadlineOf, type RaisedWhistle, stepInProgress, type WhistleStep } from '@fangquan/domain';
import type { WhistleDto } from './dto/whistle.dto';

/**
 * A whistle as the API shows it at `now`: its state, and as `overdue` the steps supervision recorded
 * overdue plus the step in progress when its deadline has passed, recorded yet or not.
 */
export function toWhistleDto(state: RaisedWhistle, version: number, now: Date): WhistleDto {
  const { whistleId, overdueRecords: _records, overdue, ...rest } = state;
  return { id: whistleId, ...rest, overdue: overdueAt(state, overdue, now), version };
}

function overdueAt(state: RaisedWhistle, recorded: readonly WhistleStep[], now: Date): WhistleStep[] {
  const step = stepInProgress(state.status);
  const deadline = step === undefined ? null : deadlineOf(state.deadlines, step);
  const late = step !== undefined && deadline !== null && Date.parse(deadline) < now.getTime();
  return late && !recorded.includes(step) ? [...recorded, step] : [...recorded];
}
