import { Card, Collapse, Empty, Typography } from 'antd';
import type { DutyListVersion } from '../../../api/types';
import { diffOfChanges } from '../../../domain/duty-list';
import { useI18n } from '../../../i18n/i18n';
import { DiffView } from './DiffView';

/** 版本记录: every published version, newest first, with its 文号, note and what it changed. */
export function VersionsCard({ publications }: { publications: readonly DutyListVersion[] }) {
  const i18n = useI18n();
  const newestFirst = [...publications].sort((a, b) => b.version - a.version);
  return (
    <Card title={i18n.t('dutyList.versions')} style={{ marginTop: 16 }} data-testid="duty-versions">
      {newestFirst.length === 0 ? (
        <Empty description={i18n.t('dutyList.noVersions')} />
      ) : (
        <Collapse
          defaultActiveKey={newestFirst[0] ? [String(newestFirst[0].version)] : []}
          items={newestFirst.map((publication) => ({
            key: String(publication.version),
            label: (
              <span data-testid="duty-version">
                {i18n.t('dutyList.version', { version: publication.version })} · {publication.decisionRef} ·{' '}
                {i18n.dateTime(publication.publishedAt)}
              </span>
            ),
            children: (
              <>
                {publication.note && <Typography.Paragraph>{publication.note}</Typography.Paragraph>}
                <DiffView diff={diffOfChanges(publication.changes)} empty={i18n.t('dutyList.noChangesInVersion')} />
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
