import { Form, Input, Select } from 'antd';
import type { Township } from '../../api/types';
import { usersApi, type ManagedUser, type RoleChange } from '../../api/users';
import { FormDialog } from '../../components/FormDialog';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useI18n } from '../../i18n/i18n';
import { ASSIGNABLE_ROLES } from './directory';

/** Changes a user's role (a township user's township, a department user's department). */
export function RoleDialog(props: { user: ManagedUser; townships: Township[]; onClose(): void; onDone(user: ManagedUser): Promise<void> }) {
  const i18n = useI18n();
  const [form] = Form.useForm<RoleChange>();
  const submission = useFormSubmit(form);
  const role = Form.useWatch('role', form);
  const submit = () =>
    submission.submit(async (values) => {
      const change: RoleChange = { role: values.role };
      if (values.role === 'township' && values.townshipId) change.townshipId = values.townshipId;
      if (values.role === 'department' && values.department) change.department = values.department.trim();
      await props.onDone(await usersApi.changeRole(props.user.id, change));
    });
  return (
    <FormDialog
      open
      title={i18n.t('users.changeRoleTitle', { username: props.user.username })}
      submission={submission}
      onOk={() => void submit()}
      onClose={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        name="change-role"
        initialValues={{
          role: props.user.role,
          townshipId: props.user.townshipId ?? undefined,
          department: props.user.department ?? undefined,
        }}
      >
        <Form.Item name="role" label={i18n.t('users.newRole')} rules={[{ required: true }]}>
          <Select data-testid="new-role" options={ASSIGNABLE_ROLES.map((value) => ({ value, label: i18n.t(`role.${value}`) }))} />
        </Form.Item>
        {role === 'township' && (
          <Form.Item
            name="townshipId"
            label={i18n.t('users.township')}
            rules={[{ required: true, message: i18n.t('users.townshipRequired') }]}
          >
            <Select options={props.townships.map((t) => ({ value: t.id, label: t.name }))} />
          </Form.Item>
        )}
        {role === 'department' && (
          <Form.Item
            name="department"
            label={i18n.t('users.department')}
            rules={[{ required: true, whitespace: true, max: 100, message: i18n.t('users.departmentRequired') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}
