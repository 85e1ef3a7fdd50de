import { Card, Descriptions, Space, Typography } from 'antd';
import { GapsTable } from '../../../components/GapsTable';
import { ProblemAlert } from '../../../components/problems';
import { RequirementsTable } from '../../../components/RequirementsTable';
import { useI18n } from '../../../i18n/i18n';
import type { Preview } from './usePreview';

/** The readiness preview beside the form: requirements against the team, and the gaps it would open with. */
export function PreviewCard({ preview }: { preview: Preview }) {
  const i18n = useI18n();
  return (
    <Card title={i18n.t('record.preview')} data-testid="preview" style={{ position: 'sticky', top: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {i18n.t('record.previewHelp')}
      </Typography.Paragraph>
      <ProblemAlert error={preview.error} />
      {!preview.result ? (
        <Typography.Text type="secondary">{i18n.t('record.previewPick')}</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={i18n.t('record.department')}>{preview.department}</Descriptions.Item>
          </Descriptions>
          <RequirementsTable rows={preview.result.rows} />
          <GapsTable gaps={preview.result.gaps} testId="preview-gaps" />
        </Space>
      )}
    </Card>
  );
}
