import { Table, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DUTY_CATEGORIES, type DutyCategory, type DutyList, type DutyListItem } from '../api/types';
import { entryKey, itemsOf } from '../domain/duty-list';
import { useI18n } from '../i18n/i18n';
import { dutyCategoryLabel, dutyDomainLabel } from './labels';

/** Where an item comes from: the catalogue, or (not editable on the list) a handover or an admitted task. */
export function ItemSource({ item }: { item: DutyListItem }) {
  const i18n = useI18n();
  if (item.source === 'handover')
    return (
      <Tag color="purple" data-testid="item-source">
        {item.handoverId ? (
          <Link to={`/handovers/${item.handoverId}`}>{i18n.t('dutyList.fromHandover')}</Link>
        ) : (
          i18n.t('dutyList.fromHandover')
        )}
      </Tag>
    );
  if (item.source === 'admission') return <Tag color="cyan">{i18n.t('dutyList.fromAdmission')}</Tag>;
  return null;
}

/** Whether and when the list was last published. */
export function PublishedTag({ list }: { list: DutyList }) {
  const i18n = useI18n();
  const published = list.published;
  return published ? (
    <Tag color="green" data-testid="published-version">
      {i18n.t('dutyList.published', {
        version: published.version,
        decisionRef: published.decisionRef,
        date: i18n.date(published.publishedAt),
      })}
    </Tag>
  ) : (
    <Tag data-testid="published-version">{i18n.t('dutyList.neverPublished')}</Tag>
  );
}

/** A township's list as three tabs (基本履职 / 配合履职 / 上级部门收回) with their counts; `actions` adds a column. */
export function DutyItemsTabs({ list, actions }: { list: DutyList; actions?: (item: DutyListItem) => ReactNode }) {
  const i18n = useI18n();
  const table = (category: DutyCategory) => (
    <Table<DutyListItem>
      data-testid={`duty-items-${category}`}
      rowKey={(item) => entryKey(item)}
      dataSource={itemsOf(list.items, category)}
      size="middle"
      tableLayout="fixed"
      locale={{ emptyText: i18n.t('dutyList.empty') }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (count) => i18n.t('app.total', { count }) }}
      columns={[
        {
          title: i18n.t('duty.name'),
          key: 'name',
          render: (_, item) => (
            <>
              <div>
                {item.name} <ItemSource item={item} />
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {item.dutyCode ?? item.powerCode}
              </Typography.Text>
            </>
          ),
        },
        { title: i18n.t('duty.domain'), dataIndex: 'domain', width: 120, render: (value: string) => dutyDomainLabel(i18n, value) },
        ...(category === 'basic'
          ? []
          : [
              {
                title: i18n.t(category === 'returned' ? 'dutyList.receiver' : 'dutyList.leadDepartment'),
                dataIndex: 'leadDepartment',
                width: 140,
              },
            ]),
        ...(category === 'assisting' ? [{ title: i18n.t('dutyList.cooperation'), dataIndex: 'cooperation' }] : []),
        ...(actions
          ? [{ title: i18n.t('app.actions'), key: 'actions', width: 170, render: (_: unknown, item: DutyListItem) => actions(item) }]
          : []),
      ]}
    />
  );
  return (
    <Tabs
      data-testid="duty-tabs"
      items={DUTY_CATEGORIES.map((category) => ({
        key: category,
        label: (
          <span data-testid={`duty-tab-${category}`}>
            {dutyCategoryLabel(i18n, category)} ({i18n.number(list.counts[category])})
          </span>
        ),
        children: table(category),
      }))}
    />
  );
}
