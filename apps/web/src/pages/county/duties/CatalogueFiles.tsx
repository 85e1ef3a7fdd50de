import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/endpoints';
import { useAction } from '../../../components/useAction';
import { useI18n } from '../../../i18n/i18n';
import { ImportDialog } from './ImportDialog';

/** The catalogue's toolbar: add, import (dry run first), export, the import template. */
export function CatalogueFiles({ writable, onImported, onAdd }: { writable: boolean; onImported(): void; onAdd(): void }) {
  const i18n = useI18n();
  const [importing, setImporting] = useState(false);
  const { busy, run } = useAction();
  return (
    <Space wrap>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'export'}
        onClick={() => void run('export', api.exportDuties)}
        data-testid="duties-export"
      >
        {i18n.t('duty.export')}
      </Button>
      {writable && (
        <>
          <Button
            loading={busy === 'template'}
            onClick={() => void run('template', api.downloadDutyTemplate)}
            data-testid="duties-template"
          >
            {i18n.t('duty.template')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="duties-import">
            {i18n.t('duty.import')}
          </Button>
          <Button type="primary" onClick={onAdd} data-testid="add-duty">
            {i18n.t('duty.add')}
          </Button>
          <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={onImported} />
        </>
      )}
    </Space>
  );
}
