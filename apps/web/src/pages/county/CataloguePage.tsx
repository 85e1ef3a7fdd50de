import { Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import type { Power, PowerCategory } from '../../api/types';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { can, useSession } from '../../session/session';
import { AddPowerDialog } from './catalogue/AddPowerDialog';
import { RequirementsSummary } from './catalogue/requirements';
import { ReviseDialog } from './catalogue/ReviseDialog';
import { VocabulariesCard } from './catalogue/VocabulariesCard';

const byCode = (a: Power, b: Power) => (a.code < b.code ? -1 : 1);

/** The county catalogue: list (paged, searchable; the action column stays in view), add, revise requirements; below it the vocabularies. */
export default function CataloguePage() {
  const i18n = useI18n();
  const { user } = useSession();
  const writable = can(user).writeCatalogue;
  const powers = useAsync(() => api.powers(), []);
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [revising, setRevising] = useState<Power | undefined>(undefined);
  const replace = (next: Power) => powers.setData((powers.data ?? []).map((power) => (power.code === next.code ? next : power)));
  const filtered = (powers.data ?? []).filter(
    (power) => !search || power.code.toLowerCase().includes(search.toLowerCase()) || power.name.includes(search),
  );

  return (
    <>
      <Card
        title={i18n.t('catalogue.title')}
        extra={
          <Space>
            <Input.Search
              allowClear
              placeholder={i18n.t('catalogue.search')}
              onSearch={setSearch}
              onChange={(event) => setSearch(event.target.value)}
              style={{ width: 220 }}
            />
            {writable && (
              <Button type="primary" data-testid="add-power" onClick={() => setAdding(true)}>
                {i18n.t('catalogue.add')}
              </Button>
            )}
          </Space>
        }
      >
        <ProblemAlert error={powers.error} onReload={powers.reload} />
        <Table<Power>
          data-testid="catalogue"
          rowKey="code"
          loading={powers.loading}
          dataSource={filtered}
          tableLayout="fixed"
          pagination={{ pageSize: 20, showTotal: (count) => i18n.t('app.total', { count }) }}
          expandable={{
            expandedRowRender: (power) => <Typography.Paragraph style={{ margin: 0 }}>{power.legalBasis}</Typography.Paragraph>,
          }}
          columns={[
            { title: i18n.t('catalogue.code'), dataIndex: 'code', width: 120 },
            { title: i18n.t('catalogue.name'), dataIndex: 'name', ellipsis: { showTitle: true } },
            {
              title: i18n.t('catalogue.category'),
              dataIndex: 'category',
              width: 90,
              render: (value: PowerCategory) => i18n.t(`category.${value}`),
            },
            { title: i18n.t('catalogue.department'), dataIndex: 'department', width: 120 },
            {
              title: i18n.t('catalogue.requirements'),
              key: 'requirements',
              width: '34%',
              render: (_, power) => <RequirementsSummary requirements={power.requirements} />,
            },
            ...(writable
              ? [
                  {
                    title: i18n.t('app.actions'),
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, power: Power) => (
                      <Button size="small" onClick={() => setRevising(power)} data-testid="revise-power">
                        {i18n.t('catalogue.revise')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <AddPowerDialog
          open={adding}
          onClose={() => setAdding(false)}
          onAdded={(created) => powers.setData([...(powers.data ?? []), created].sort(byCode))}
        />
        <ReviseDialog
          power={revising}
          onClose={() => setRevising(undefined)}
          onRevised={(revised, close) => {
            replace(revised);
            setRevising(close ? undefined : revised);
          }}
        />
      </Card>
      <VocabulariesCard />
    </>
  );
}
