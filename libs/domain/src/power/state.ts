import type { PowerCategory, Requirements } from '../resources';

export interface RegisteredPowerItem {
  status: 'registered';
  countyId: string;
  code: string;
  name: string;
  category: PowerCategory;
  legalBasis: string;
  department: string;
  requirements: Requirements;
}

export type PowerItemState = { status: 'none' } | RegisteredPowerItem;

export const initialPowerItemState: PowerItemState = { status: 'none' };
