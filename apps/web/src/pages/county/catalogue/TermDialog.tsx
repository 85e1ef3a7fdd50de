import { Form, Input } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/endpoints';
import type { Vocabulary, VocabularyList, VocabularyTerm } from '../../../api/types';
import { useToast } from '../../../app/toast';
import { useVocabularies } from '../../../app/vocabularies';
import { useRules } from '../../../components/fields';
import { FormDialog } from '../../../components/FormDialog';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { useI18n } from '../../../i18n/i18n';

/**
 * Adds a term to a vocabulary (code and name), or renames `term` (its code stays, so the records that
 * carry it keep it). What the API answers replaces the vocabulary everywhere it is shown or picked.
 */
export function TermDialog({
  vocabulary,
  term,
  open,
  onClose,
}: {
  vocabulary: Vocabulary;
  term?: VocabularyTerm | undefined;
  open: boolean;
  onClose(): void;
}) {
  const i18n = useI18n();
  const message = useToast();
  const vocabularies = useVocabularies();
  const [form] = Form.useForm<VocabularyTerm>();
  const submission = useFormSubmit(form);
  const r = useRules();
  useEffect(() => {
    if (open) form.setFieldsValue(term ?? { code: '', name: '' });
  }, [open, term, form]);
  const save = () =>
    submission.submit(async (values) => {
      const name = values.name.trim();
      let list: VocabularyList;
      if (term) list = await api.renameTerm(vocabulary, term.code, name, vocabularies.version(vocabulary));
      else list = await api.addTerm(vocabulary, values.code.trim(), name);
      vocabularies.update(list);
      message.success(i18n.t(term ? 'vocabulary.renamed' : 'vocabulary.added'));
      form.resetFields();
      onClose();
    });
  return (
    <FormDialog
      open={open}
      title={`${i18n.t(`vocabulary.${vocabulary}`)} · ${i18n.t(term ? 'vocabulary.rename' : 'vocabulary.add')}`}
      submission={submission}
      onOk={save}
      onClose={onClose}
      testId="term-submit"
    >
      <Form<VocabularyTerm> form={form} name="term" layout="vertical">
        <Form.Item name="code" label={i18n.t('vocabulary.code')} extra={term ? undefined : i18n.t('vocabulary.codeHelp')} rules={r.label}>
          <Input disabled={term !== undefined} placeholder={vocabulary === 'equipment-kinds' ? 'body-camera' : '行政处罚法'} />
        </Form.Item>
        <Form.Item name="name" label={i18n.t('vocabulary.name')} rules={r.label}>
          <Input placeholder={vocabulary === 'equipment-kinds' ? '执法记录仪' : '行政处罚法'} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
