import { api } from '../../api/endpoints';
import type { Power, Township } from '../../api/types';

/** The county's townships and powers, for pickers and for naming what the answers name by id or code. */
export interface CountyNames {
  townships: Township[];
  powers: Power[];
  township(id: string): string;
  power(code: string): string;
}

export async function countyNames(countyId: string | null | undefined): Promise<CountyNames> {
  const [townships, powers] = await Promise.all([countyId ? api.townships(countyId) : Promise.resolve([]), api.powers()]);
  const townshipNames = new Map(townships.map((township) => [township.id, township.name]));
  const powerNames = new Map(powers.map((power) => [power.code, power.name]));
  return {
    townships,
    powers,
    township: (id) => townshipNames.get(id) ?? id,
    power: (code) => powerNames.get(code) ?? code,
  };
}
