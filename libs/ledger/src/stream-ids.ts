/** Stream ids of the aggregates; the only place that spells them. */
export const powerStreamId = (countyId: string, code: string): string => `power-${countyId}-${code}`;
export const teamStreamId = (teamId: string): string => `team-${teamId}`;
export const handoverStreamId = (handoverId: string): string => `handover-${handoverId}`;
