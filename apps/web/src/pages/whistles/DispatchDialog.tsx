import { AutoComplete, Form, Select } from 'antd';
import { whistleApi } from '../../api/whistles';
import { usersApi } from '../../api/users';
import type { DispatchWhistle } from '../../api/types';
import { useRules } from '../../components/fields';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { ActionDialog } from './ActionDialog';

/** The county office names the lead department (主办) and co-handlers (协办) of a whistle its list does not settle. */
export function DispatchDialog({ id, open, onClose, onDone }: { id: string; open: boolean; onClose(): void; onDone(): Promise<void> }) {
  const i18n = useI18n();
  const r = useRules();
  // The county's departments are those with users: the API refuses a dispatch to any other.
  const departments = useAsync(async () => {
    const users = await usersApi.list();
    const names = users.flatMap((user) => (user.role === 'department' && user.department && !user.disabled ? [user.department] : []));
    return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  }, []);
  const options = (departments.data ?? []).map((name) => ({ value: name, label: name }));
  return (
    <ActionDialog<DispatchWhistle>
      open={open}
      name="dispatch"
      title={i18n.t('whistle.action.dispatch')}
      send={({ department, coDepartments }) =>
        whistleApi.dispatch(id, { department: department.trim(), ...(coDepartments?.length ? { coDepartments } : {}) })
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="department" label={i18n.t('whistle.field.department')} rules={r.label}>
        <AutoComplete options={options} filterOption />
      </Form.Item>
      <Form.Item name="coDepartments" label={i18n.t('whistle.field.coDepartments')}>
        <Select mode="tags" options={options} />
      </Form.Item>
    </ActionDialog>
  );
}
