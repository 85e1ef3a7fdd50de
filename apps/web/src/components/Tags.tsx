import { Tag } from 'antd';
import type { HandoverStatus, Readiness } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { STATUS_COLORS, statusLabel } from './labels';

export function StatusTag({ status }: { status: HandoverStatus }) {
  const i18n = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-status={status}>
      {statusLabel(i18n, status)}
    </Tag>
  );
}

export function ReadinessTag({ readiness, revoked }: { readiness: Readiness; revoked?: boolean }) {
  const i18n = useI18n();
  if (revoked) return <Tag>{i18n.t('cell.revoked')}</Tag>;
  return readiness.ready ? (
    <Tag color="success" data-ready="true">
      {i18n.t('cell.ready')}
    </Tag>
  ) : (
    <Tag color="error" data-ready="false">
      {i18n.t('gap.count', { count: readiness.gaps.length })}
    </Tag>
  );
}
