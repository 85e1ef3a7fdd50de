import { Tag } from 'antd';
import { useCallback } from 'react';
import { adjustmentsApi } from '../../../api/adjustments';
import type { DutyListItem } from '../../../api/types';
import { useAsync } from '../../../components/useAsync';
import { useI18n } from '../../../i18n/i18n';
import { RecallButton, type RecallTarget } from '../RecallButton';
import { recallTargetOf } from './targets';

const keyOf = (target: RecallTarget) => ('handoverId' in target ? target.handoverId : target.dutyCode);

/** The items of a township with a recall request pending (by handover id or duty code), reloaded after a filing. */
export function usePendingRecalls(townshipId: string): { pending: ReadonlySet<string>; reload(): void } {
  const requests = useAsync(
    () => (townshipId ? adjustmentsApi.recallRequests({ townshipId, status: 'pending' }) : Promise.resolve([])),
    [townshipId],
  );
  const pending = new Set((requests.data ?? []).map((request) => request.handoverId ?? request.dutyCode ?? ''));
  const { reload: load } = requests;
  const reload = useCallback(() => void load(), [load]);
  return { pending, reload };
}

/** 申请收回 on an item of the township's list: the button, 收回申请待决定 while one is pending, nothing for returned items and admitted tasks. */
export function ListItemRecall({
  townshipId,
  item,
  pending,
  onFiled,
}: {
  townshipId: string;
  item: DutyListItem;
  pending: ReadonlySet<string>;
  onFiled(): void;
}) {
  const i18n = useI18n();
  const target = recallTargetOf(item);
  if (!target) return null;
  if (pending.has(keyOf(target))) return <Tag color="processing">{i18n.t('recall.pending')}</Tag>;
  return <RecallButton size="small" townshipId={townshipId} target={target} label={item.name} onFiled={onFiled} />;
}
