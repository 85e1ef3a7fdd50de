/** Stream ids of the aggregates are spelled once, in the domain library. */
export { powerStreamId, teamStreamId, handoverStreamId, dutyStreamId, dutyListStreamId, whistleStreamId } from '@fangquan/domain';
