import { InboxOutlined } from '@ant-design/icons';
import { Modal, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/endpoints';
import type { DutyImportReport } from '../../../api/types';
import { useToast } from '../../../app/toast';
import { useI18n } from '../../../i18n/i18n';
import { ImportReport } from './ImportReport';

interface Check {
  file: File;
  report?: DutyImportReport;
  error?: unknown;
}

/** What a sheet other than the duty catalogue's changes: its upload, title, help and column names. */
export interface ImportKind {
  upload(file: File, dryRun: boolean): Promise<DutyImportReport>;
  title: string;
  help: string;
  columnLabel(column: string): string;
  /** The toast after the import. */
  done(report: DutyImportReport): string;
}

/**
 * Import of a sheet (the duty catalogue unless `kind` says otherwise): the chosen file is checked at
 * once (dry run, nothing written); 确认导入 once the check passed.
 */
export function ImportDialog({
  open,
  onClose,
  onImported,
  kind,
}: {
  open: boolean;
  onClose(): void;
  onImported(): void;
  kind?: ImportKind;
}) {
  const i18n = useI18n();
  const message = useToast();
  const [check, setCheck] = useState<Check | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const run = async (file: File, dryRun: boolean) => {
    setBusy(true);
    try {
      const report = await (kind ? kind.upload(file, dryRun) : api.importDuties(file, dryRun));
      if (dryRun) return setCheck({ file, report });
      message.success(
        kind
          ? kind.done(report)
          : i18n.t('dutyImport.done', { created: report.created, updated: report.updated, unchanged: report.unchanged }),
      );
      setCheck(undefined);
      onClose();
      onImported();
    } catch (error) {
      setCheck({ file, error });
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setCheck(undefined);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={kind?.title ?? i18n.t('dutyImport.title')}
      onCancel={close}
      onOk={() => check?.report && void run(check.file, false)}
      okText={i18n.t('dutyImport.confirm')}
      okButtonProps={{ disabled: !check?.report, loading: busy && Boolean(check?.report), ...{ 'data-testid': 'import-confirm' } }}
      width={760}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{kind?.help ?? i18n.t('dutyImport.help')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          setCheck(undefined);
          void run(file, true);
          return false;
        }}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{check?.file.name ?? i18n.t('dutyImport.pick')}</p>
      </Upload.Dragger>
      {busy && !check && <Typography.Paragraph style={{ marginTop: 12 }}>{i18n.t('dutyImport.checking')}</Typography.Paragraph>}
      {check && <ImportReport report={check.report} error={check.error} columnLabel={kind?.columnLabel} />}
    </Modal>
  );
}
