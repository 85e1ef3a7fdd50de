import type { DutyListItem } from '../../../api/types';
import type { RecallTarget } from '../RecallButton';

/** What a list item is handed back as: its handover (a handed power) or its duty code; nothing for an admitted task. */
export function recallTargetOf(item: DutyListItem): RecallTarget | undefined {
  if (item.category === 'returned' || item.source === 'admission') return undefined;
  if (item.source === 'handover' && item.handoverId) return { handoverId: item.handoverId };
  return item.dutyCode ? { dutyCode: item.dutyCode } : undefined;
}
