import { Alert, Form, Input, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/endpoints';
import type { Officer, Team } from '../../api/types';
import { useCountyConfig } from '../../app/county-config';
import { useToast } from '../../app/toast';
import { useRules } from '../../components/fields';
import { gapsSummary } from '../../components/labels';
import { FormDialog } from '../../components/FormDialog';
import { useFormSubmit } from '../../components/useFormSubmit';
import { readinessLostIfOfficerLeaves, type HeldPower } from '../../domain/team-powers';
import { useI18n } from '../../i18n/i18n';

/** An officer leaves the team: asks the reason, and warns which powers held today would lose their readiness. */
export function LeaveDialog({
  team,
  officer,
  held,
  onClose,
  onDone,
}: {
  team: Team;
  officer: Officer | undefined;
  held: readonly HeldPower[];
  onClose(): void;
  onDone(): Promise<void>;
}) {
  const i18n = useI18n();
  const message = useToast();
  const config = useCountyConfig();
  const [form] = Form.useForm<{ reason: string }>();
  const submission = useFormSubmit(form);
  const r = useRules();
  const lost = officer ? readinessLostIfOfficerLeaves(held, team, officer.officerId, config.today()) : [];
  const leave = () =>
    submission.submit(async ({ reason }) => {
      if (!officer) return;
      await api.removeOfficer(team.id, officer.officerId, reason.trim(), team.version);
      message.success(i18n.t('team.officerRemoved'));
      form.resetFields();
      onClose();
      await onDone();
    });
  return (
    <FormDialog
      open={officer !== undefined}
      title={officer ? i18n.t('team.removeConfirm', { name: officer.name }) : ''}
      submission={submission}
      onOk={leave}
      onClose={onClose}
      okText={i18n.t('team.removeOfficer')}
      danger
      testId="leave-submit"
      onReload={() => void onDone()}
    >
      {lost.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="leave-warning"
          style={{ marginBottom: 16 }}
          message={i18n.t('team.leaveOpensGaps', { count: i18n.number(lost.length) })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {lost.map(({ handover, gaps }) => (
                <li key={handover.id} data-testid="leave-lost-power">
                  <Link to={`/handovers/${handover.id}`}>{handover.powerName ?? handover.powerCode}</Link>
                  <Typography.Text type="secondary">：{gapsSummary(i18n, gaps)}</Typography.Text>
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Form<{ reason: string }> form={form} name="leave" layout="vertical">
        <Form.Item name="reason" label={i18n.t('team.leaveReason')} rules={r.text}>
          <Input.TextArea autoSize={{ minRows: 2 }} placeholder={i18n.t('team.leaveReasonExample')} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
