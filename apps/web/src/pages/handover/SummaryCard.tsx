import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Handover } from '../../api/types';
import { ReadinessTag, StatusTag } from '../../components/Tags';
import { useI18n } from '../../i18n/i18n';
import { can, useSession } from '../../session/session';
import { AmendDialog } from './AmendDialog';
import { RevokeDialog } from './RevokeDialog';

/** What the handover page's dialogs get: the handover, whether it shows, and what to do after. */
export interface HandoverDialogProps {
  handover: Handover;
  open: boolean;
  onClose(): void;
  /** Shows what the write answered. */
  onDone(next: Handover): void;
  /** Loads the handover again (offered on a stale version). */
  onReload(): void;
}

/** The handover at a glance: power, status, readiness, township, the instrument and dates; amend and revoke. */
export function SummaryCard({ handover, onChanged, onReload }: { handover: Handover; onChanged(next: Handover): void; onReload(): void }) {
  const i18n = useI18n();
  const { user } = useSession();
  const rights = can(user);
  const [dialog, setDialog] = useState<'amend' | 'revoke' | undefined>(undefined);
  const close = () => setDialog(undefined);
  const amendable = (handover.status === 'recorded' || handover.status === 'contested') && rights.amendHandover(handover.department);
  const revocable = handover.status !== 'revoked' && rights.revokeHandover;
  return (
    <Card>
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <div>
          <Typography.Text type="secondary">{i18n.t('handover.title')}</Typography.Text>
          <Typography.Title level={3} style={{ margin: '4px 0' }} data-testid="handover-title">
            {handover.powerName ?? handover.powerCode}
          </Typography.Title>
          <Space wrap>
            <Tag>{handover.powerCode}</Tag>
            <StatusTag status={handover.status} />
            <ReadinessTag readiness={handover.readiness} revoked={handover.status === 'revoked'} />
            <Typography.Text>
              → <Link to={`/teams/${handover.teamId}`}>{handover.townshipName ?? handover.teamId}</Link>
            </Typography.Text>
          </Space>
        </div>
        <Space>
          {amendable && (
            <Button onClick={() => setDialog('amend')} data-testid="amend">
              {i18n.t('handover.amend')}
            </Button>
          )}
          {revocable && (
            <Button danger onClick={() => setDialog('revoke')} data-testid="revoke">
              {i18n.t('handover.revoke')}
            </Button>
          )}
        </Space>
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 16 }}>
        <Descriptions.Item label={i18n.t('handovers.department')}>{handover.department}</Descriptions.Item>
        <Descriptions.Item label={i18n.t('handover.mode')}>{i18n.t(`mode.${handover.mode}`)}</Descriptions.Item>
        <Descriptions.Item label={i18n.t('handover.instrument')}>{handover.instrument}</Descriptions.Item>
        <Descriptions.Item label={i18n.t('handovers.effectiveOn')}>{i18n.date(handover.effectiveOn)}</Descriptions.Item>
        {handover.endsOn && <Descriptions.Item label={i18n.t('handover.endsOn')}>{i18n.date(handover.endsOn)}</Descriptions.Item>}
        <Descriptions.Item label={i18n.t('handover.recordedAt')}>{i18n.dateTime(handover.recordedAt)}</Descriptions.Item>
        <Descriptions.Item label={i18n.t('handover.updatedAt')}>{i18n.dateTime(handover.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <AmendDialog handover={handover} open={dialog === 'amend'} onClose={close} onDone={onChanged} onReload={onReload} />
      <RevokeDialog handover={handover} open={dialog === 'revoke'} onClose={close} onDone={onChanged} onReload={onReload} />
    </Card>
  );
}
