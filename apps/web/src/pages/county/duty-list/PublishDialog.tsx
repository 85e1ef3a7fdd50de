import { Divider, Form, Input, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { api } from '../../../api/endpoints';
import type { DutyList, DutyListPublication, DutyListVersion } from '../../../api/types';
import { useToast } from '../../../app/toast';
import { useRules } from '../../../components/fields';
import { FormDialog } from '../../../components/FormDialog';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { diffLists, entryOf, publishedEntries } from '../../../domain/duty-list';
import { useI18n } from '../../../i18n/i18n';
import { DiffView } from './DiffView';

interface PublishForm {
  decisionRef: string;
  note?: string;
}

/** 发布: the preview of what the draft changes against the last version, then the 文号 and a note. */
export function PublishDialog({
  open,
  list,
  publications,
  onClose,
  onPublished,
  onReload,
}: {
  open: boolean;
  list: DutyList;
  publications: readonly DutyListVersion[];
  onClose(): void;
  onPublished(publication: DutyListPublication): void;
  onReload(): void;
}) {
  const i18n = useI18n();
  const message = useToast();
  const [form] = Form.useForm<PublishForm>();
  const submission = useFormSubmit(form);
  const r = useRules();
  const diff = useMemo(() => diffLists(publishedEntries(publications), list.items.map(entryOf)), [list, publications]);
  const next = Math.max(0, list.published?.version ?? 0, ...publications.map((publication) => publication.version)) + 1;
  useEffect(() => {
    if (open) submission.clear();
  }, [open]);

  const publish = () =>
    submission.submit(async (values) => {
      const note = values.note?.trim();
      const published = await api.publishDutyList(
        list.townshipId,
        { decisionRef: values.decisionRef.trim(), ...(note ? { note } : {}) },
        list.version,
      );
      message.success(i18n.t('dutyList.publishedOk', { version: published.version }));
      form.resetFields();
      onClose();
      onPublished(published);
    });
  return (
    <FormDialog
      open={open}
      title={i18n.t('dutyList.publishTitle', { version: next })}
      submission={submission}
      onOk={publish}
      onClose={onClose}
      onReload={onReload}
      okText={i18n.t('dutyList.publish')}
      testId="publish-submit"
      width={720}
    >
      <Typography.Title level={5}>{i18n.t('dutyList.diffTitle')}</Typography.Title>
      <div data-testid="publish-diff" style={{ maxHeight: 280, overflow: 'auto' }}>
        <DiffView diff={diff} empty={i18n.t('dutyList.noChanges')} />
      </div>
      <Divider />
      <Form<PublishForm> form={form} name="publish" layout="vertical">
        <Form.Item name="decisionRef" label={i18n.t('dutyList.decisionRef')} extra={i18n.t('dutyList.decisionRefHelp')} rules={r.label}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={i18n.t('dutyList.note')} rules={r.optionalText}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
