// @fangquan/domain — pure decide/evolve for power items, teams and handovers, and the readiness rules.
// No I/O; every state is plain JSON. The given/when/then test helper lives in ./testing (not exported here).

export * from './decider';
export * from './domain-error';
export * from './calendar';
export * from './decision-due';
export * from './reminder-subjects';
export * from './resources';
export * from './limits';
export * from './parsing';

export * from './readiness/readiness';

export * from './power/commands';
export * from './power/events';
export * from './power/state';
export * from './power/parse';
export * from './power/decide';
export * from './power/evolve';
export * from './power/decider';

export * from './team/commands';
export * from './team/events';
export * from './team/state';
export * from './team/parse';
export * from './team/decide';
export * from './team/evolve';
export * from './team/decider';

export * from './handover/commands';
export * from './handover/events';
export * from './handover/state';
export * from './handover/parse';
export * from './handover/decide';
export * from './handover/evolve';
export * from './handover/decider';
export * from './stream-ids';

export * from './vocabulary/terms';
export * from './vocabulary/commands';
export * from './vocabulary/events';
export * from './vocabulary/state';
export * from './vocabulary/parse';
export * from './vocabulary/decide';
export * from './vocabulary/evolve';
export * from './vocabulary/decider';
export * from './vocabulary/defaults';
export * from './vocabulary/check';

export * from './duty/terms';
export * from './duty/commands';
export * from './duty/events';
export * from './duty/state';
export * from './duty/parse';
export * from './duty/decide';
export * from './duty/evolve';
export * from './duty/decider';

export * from './duty-list/items';
export * from './duty-list/commands';
export * from './duty-list/events';
export * from './duty-list/state';
export * from './duty-list/resolve';
export * from './duty-list/parse';
export * from './duty-list/decide';
export * from './duty-list/evolve';
export * from './duty-list/decider';

export * from './work-calendar';

export * from './whistle/state';
export * from './whistle/commands';
export * from './whistle/events';
export * from './whistle/parse';
export * from './whistle/decide';
export * from './whistle/evolve';
export * from './whistle/decider';
export * from './whistle/overdue';
export * from './whistle/due';

export * from './assessment/departments';

export * from './recall/commands';
export * from './recall/events';
export * from './recall/state';
export * from './recall/parse';
export * from './recall/decide';
export * from './recall/evolve';
export * from './recall/decider';

export * from './admission/commands';
export * from './admission/events';
export * from './admission/state';
export * from './admission/parse';
export * from './admission/decide';
export * from './admission/evolve';
export * from './admission/decider';
export * from './admission/list-items';

export * from './evaluation/plan';
export * from './evaluation/forecast';
