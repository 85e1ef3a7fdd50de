import { Button, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Handover, Power, Team } from '../../../api/types';
import { gapsSummary } from '../../../components/labels';
import { ReadinessTag } from '../../../components/Tags';
import { useI18n } from '../../../i18n/i18n';
import { AwaitingDetails } from './AwaitingDetails';

const distinct = (values: string[]) => [...new Set(values)].sort().map((value) => ({ text: value, value }));

/** The handovers awaiting the township's answer, one line each, filtered by power, department, mode and readiness; a line opens to answer. */
export function AwaitingTable({
  handovers,
  powers,
  teams,
  onAnswered,
}: {
  handovers: Handover[];
  powers: Map<string, Power>;
  teams: Map<string, Team>;
  onAnswered(): void;
}) {
  const i18n = useI18n();
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<readonly React.Key[]>([]);
  const shown = handovers.filter((handover) => !search || `${handover.powerCode} ${handover.powerName ?? ''}`.includes(search.trim()));
  const toggle = (id: string) => setOpen(open.includes(id) ? open.filter((key) => key !== id) : [...open, id]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder={i18n.t('awaiting.search')}
        onChange={(event) => setSearch(event.target.value)}
        style={{ maxWidth: 320 }}
        id="awaiting_search"
      />
      <Table<Handover>
        data-testid="awaiting-table"
        rowKey="id"
        size="small"
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => i18n.t('app.total', { count }) }}
        onRow={(handover) =>
          ({ 'data-testid': 'awaiting-handover', 'data-power': handover.powerCode }) as React.HTMLAttributes<HTMLElement>
        }
        expandable={{
          expandedRowKeys: open,
          onExpandedRowsChange: (keys) => setOpen(keys),
          expandedRowRender: (handover) => (
            <AwaitingDetails
              handover={handover}
              power={powers.get(handover.powerCode)}
              team={teams.get(handover.teamId)}
              onAnswered={onAnswered}
            />
          ),
        }}
        columns={[
          {
            title: i18n.t('handovers.power'),
            key: 'power',
            render: (_, handover) => <Link to={`/handovers/${handover.id}`}>{handover.powerName ?? handover.powerCode}</Link>,
          },
          {
            title: i18n.t('handovers.department'),
            dataIndex: 'department',
            filters: distinct(handovers.map((handover) => handover.department)),
            onFilter: (value, handover) => handover.department === value,
          },
          {
            title: i18n.t('handover.mode'),
            dataIndex: 'mode',
            render: (mode: Handover['mode']) => i18n.t(`mode.${mode}`),
            filters: (['transfer', 'entrustment'] as const).map((mode) => ({ text: i18n.t(`mode.${mode}`), value: mode })),
            onFilter: (value, handover) => handover.mode === value,
          },
          {
            title: i18n.t('handovers.effectiveOn'),
            dataIndex: 'effectiveOn',
            render: (value: string) => i18n.date(value),
            sorter: (a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0),
            defaultSortOrder: 'ascend',
          },
          {
            title: i18n.t('handovers.readiness'),
            key: 'readiness',
            render: (_, handover) => (
              <Space direction="vertical" size={2}>
                <ReadinessTag readiness={handover.readiness} />
                {handover.readiness.gaps.length > 0 && <span style={{ fontSize: 12 }}>{gapsSummary(i18n, handover.readiness.gaps)}</span>}
              </Space>
            ),
            filters: [
              { text: i18n.t('cell.ready'), value: 'ready' },
              { text: i18n.t('cell.gaps'), value: 'gaps' },
            ],
            onFilter: (value, handover) => (value === 'ready') === handover.readiness.ready,
          },
          {
            title: i18n.t('app.actions'),
            key: 'answer',
            render: (_, handover) => (
              <Button
                size="small"
                type={open.includes(handover.id) ? 'default' : 'primary'}
                onClick={() => toggle(handover.id)}
                data-testid="awaiting-answer"
              >
                {i18n.t('awaiting.answer')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
