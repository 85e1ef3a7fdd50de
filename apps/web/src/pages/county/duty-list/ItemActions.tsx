import { LockOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import { api } from '../../../api/endpoints';
import type { DutyList, DutyListItem } from '../../../api/types';
import { useToast } from '../../../app/toast';
import { useAction } from '../../../components/useAction';
import { useI18n } from '../../../i18n/i18n';

/** An item's actions in the draft: set its category, remove it; items of handovers and admissions are locked. */
export function ItemActions({
  list,
  item,
  onEdit,
  onChanged,
}: {
  list: DutyList;
  item: DutyListItem;
  onEdit(item: DutyListItem): void;
  onChanged(list: DutyList): void;
}) {
  const i18n = useI18n();
  const message = useToast();
  const { busy, run } = useAction();
  const code = item.dutyCode;
  if (item.source !== 'list' || !code)
    return (
      <Tooltip title={i18n.t('dutyList.locked')}>
        <LockOutlined data-testid="item-locked" style={{ color: 'rgba(0,0,0,0.45)' }} />
      </Tooltip>
    );
  const remove = () =>
    run('remove', async () => {
      onChanged(await api.removeDutyListItem(list.townshipId, code, list.version));
      message.success(i18n.t('dutyList.removed'));
    });
  return (
    <Space size="small">
      <Button size="small" onClick={() => onEdit(item)} data-testid="set-category">
        {i18n.t('dutyList.setCategory')}
      </Button>
      <Popconfirm title={i18n.t('dutyList.removeConfirm', { name: item.name })} onConfirm={remove} okButtonProps={{ danger: true }}>
        <Button size="small" danger loading={busy === 'remove'} data-testid="remove-item">
          {i18n.t('dutyList.remove')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
