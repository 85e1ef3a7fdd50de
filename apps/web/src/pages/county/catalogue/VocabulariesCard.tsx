import { Button, Card, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { Vocabulary, VocabularyTerm } from '../../../api/types';
import { useVocabularies } from '../../../app/vocabularies';
import { useI18n } from '../../../i18n/i18n';
import { can, useSession } from '../../../session/session';
import { TermDialog } from './TermDialog';

const VOCABULARIES: readonly Vocabulary[] = ['equipment-kinds', 'training-courses'];

/** The county's vocabularies of equipment kinds and training courses: the county office adds and renames terms, others read. */
export function VocabulariesCard() {
  const i18n = useI18n();
  const { user } = useSession();
  const writable = can(user).writeCatalogue;
  const vocabularies = useVocabularies();
  const [active, setActive] = useState<Vocabulary>('equipment-kinds');
  const [dialog, setDialog] = useState<{ term?: VocabularyTerm } | undefined>(undefined);
  return (
    <Card
      title={i18n.t('vocabulary.title')}
      style={{ marginTop: 16 }}
      data-testid="vocabularies"
      extra={
        writable && (
          <Button data-testid="add-term" onClick={() => setDialog({})}>
            {i18n.t('vocabulary.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{i18n.t('vocabulary.help')}</Typography.Paragraph>
      <Tabs
        activeKey={active}
        onChange={(key) => setActive(key as Vocabulary)}
        items={VOCABULARIES.map((vocabulary) => ({
          key: vocabulary,
          label: i18n.t(`vocabulary.${vocabulary}`),
          children: (
            <Table<VocabularyTerm>
              data-testid={`vocabulary-${vocabulary}`}
              rowKey="code"
              size="small"
              dataSource={[...vocabularies.terms(vocabulary)]}
              pagination={false}
              scroll={{ y: 360 }}
              columns={[
                { title: i18n.t('vocabulary.name'), dataIndex: 'name' },
                {
                  title: i18n.t('vocabulary.code'),
                  dataIndex: 'code',
                  render: (code: string) => <Typography.Text type="secondary">{code}</Typography.Text>,
                },
                ...(writable
                  ? [
                      {
                        title: i18n.t('app.actions'),
                        key: 'actions',
                        width: 100,
                        render: (_: unknown, term: VocabularyTerm) => (
                          <Button size="small" data-testid="rename-term" onClick={() => setDialog({ term })}>
                            {i18n.t('vocabulary.rename')}
                          </Button>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          ),
        }))}
      />
      {writable && <TermDialog vocabulary={active} term={dialog?.term} open={dialog !== undefined} onClose={() => setDialog(undefined)} />}
    </Card>
  );
}
