import type { PowerItemRegistered } from './events';

/** A power in the county catalogue: what its registration recorded, requirements as last revised. */
export type RegisteredPowerItem = { status: 'registered' } & PowerItemRegistered['data'];

export type PowerItemState = { status: 'none' } | RegisteredPowerItem;

export const initialPowerItemState: PowerItemState = { status: 'none' };
