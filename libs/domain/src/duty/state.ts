import type { DutyRecord } from './events';

/** A duty item of the county catalogue, as last revised. */
export type RegisteredDuty = { status: 'registered' } & DutyRecord;

export type DutyState = { status: 'none' } | RegisteredDuty;

export const initialDutyState: DutyState = { status: 'none' };
