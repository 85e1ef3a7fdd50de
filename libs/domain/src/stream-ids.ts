/**
 * The stream ids the command side writes to, and the keys the read side takes from them:
 * `power-${countyId}-${code}`, `team-${teamId}`, `handover-${handoverId}`.
 */
export const powerStreamId = (countyId: string, code: string): string => `power-${countyId}-${code}`;
export const teamStreamId = (teamId: string): string => `team-${teamId}`;
export const handoverStreamId = (handoverId: string): string => `handover-${handoverId}`;
/** One stream per county and vocabulary: `vocabulary-${countyId}-equipment-kinds`, `vocabulary-${countyId}-training-courses`. */
export const vocabularyStreamId = (countyId: string, vocabulary: 'equipment-kinds' | 'training-courses'): string =>
  `vocabulary-${countyId}-${vocabulary}`;

/** One stream per county and duty code: `duty-${countyId}-${code}`. */
export const dutyStreamId = (countyId: string, code: string): string => `duty-${countyId}-${code}`;
/** One duty list per township: `duty-list-${townshipId}`. */
export const dutyListStreamId = (townshipId: string): string => `duty-list-${townshipId}`;

/** One stream per whistle: `whistle-${whistleId}`. */
export const whistleStreamId = (whistleId: string): string => `whistle-${whistleId}`;

/** The power code of a power stream of `countyId` (county ids may contain '-', so the county comes from the metadata). */
export function powerCodeOf(streamId: string, countyId: string | null): string | undefined {
  if (countyId === null) return undefined;
  return suffixAfter(streamId, `power-${countyId}-`);
}

export function teamIdOf(streamId: string): string | undefined {
  return suffixAfter(streamId, 'team-');
}

export function handoverIdOf(streamId: string): string | undefined {
  return suffixAfter(streamId, 'handover-');
}

export function whistleIdOf(streamId: string): string | undefined {
  return suffixAfter(streamId, 'whistle-');
}

function suffixAfter(streamId: string, prefix: string): string | undefined {
  if (!streamId.startsWith(prefix)) return undefined;
  const rest = streamId.slice(prefix.length);
  return rest === '' ? undefined : rest;
}

/** One stream per township and item asked back: `recall-${townshipId}-handover-${handoverId}` or `recall-${townshipId}-duty-${dutyCode}`. */
export const recallStreamId = (townshipId: string, item: { handoverId: string } | { dutyCode: string }): string =>
  'handoverId' in item ? `recall-${townshipId}-handover-${item.handoverId}` : `recall-${townshipId}-duty-${item.dutyCode}`;
export const admissionStreamId = (admissionId: string): string => `admission-${admissionId}`;
