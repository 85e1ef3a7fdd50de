import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { useAction } from '../../components/useAction';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { ImportDialog, type ImportKind } from '../county/duties/ImportDialog';

/**
 * 办件量 by sheet: the template, the import (checked first, then 确认导入; all rows or none) and the
 * export of the months chosen — the county's figures, or the township's own.
 */
export default function UsagePage() {
  const i18n = useI18n();
  const { user } = useSession();
  const { busy, run } = useAction();
  const [importing, setImporting] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const writable = user?.role === 'county_admin' || user?.role === 'township';
  const kind: ImportKind = {
    upload: api.importUsage,
    title: i18n.t('usage.importTitle'),
    help: i18n.t('usage.importHelp'),
    columnLabel: (column) => i18n.tr(`usage.${column}`, column),
    done: (report) => i18n.t('usage.imported', { created: report.created, updated: report.updated, unchanged: report.unchanged }),
  };
  const exportRange = () => {
    const [from, to] = range ?? [];
    return api.exportUsage({ from: from?.format('YYYY-MM'), to: to?.format('YYYY-MM') });
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="usage-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {i18n.t('usage.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{i18n.t('usage.page.help')}</Typography.Text>
      <Card>
        <Space wrap>
          <Typography.Text>{i18n.t('usage.range')}</Typography.Text>
          <DatePicker.RangePicker
            picker="month"
            format="YYYY-MM"
            value={range}
            onChange={(next) => setRange(next)}
            data-testid="usage-range"
          />
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'export'}
            onClick={() => void run('export', exportRange)}
            data-testid="usage-export"
          >
            {i18n.t('usage.export')}
          </Button>
          {writable && (
            <>
              <Button
                loading={busy === 'template'}
                onClick={() => void run('template', api.downloadUsageTemplate)}
                data-testid="usage-template"
              >
                {i18n.t('usage.template')}
              </Button>
              <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="usage-import">
                {i18n.t('usage.import')}
              </Button>
              <ImportDialog open={importing} kind={kind} onClose={() => setImporting(false)} onImported={() => undefined} />
            </>
          )}
        </Space>
      </Card>
    </Space>
  );
}
