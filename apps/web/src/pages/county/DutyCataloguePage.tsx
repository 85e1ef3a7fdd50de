import { Card, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/endpoints';
import { DUTY_DOMAINS, type Duty } from '../../api/types';
import { dutyDomainLabel } from '../../components/labels';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { can, useSession } from '../../session/session';
import { CatalogueFiles } from './duties/CatalogueFiles';
import { dutyColumns } from './duties/columns';
import { DutyDialog } from './duties/DutyDialog';

/** 职责目录: the county's duty catalogue, searched and paged by the API; county_admin adds, edits, imports. */
export default function DutyCataloguePage() {
  const i18n = useI18n();
  const { user } = useSession();
  const writable = can(user).writeCatalogue;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const domain = params.get('domain') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('pageSize') ?? '20') || 20;
  const duties = useAsync(
    () => api.duties({ q: q || undefined, domain: domain || undefined, page, pageSize }),
    [q, domain, page, pageSize],
  );
  const [editing, setEditing] = useState<Duty | 'new' | undefined>(undefined);
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  return (
    <Card
      title={i18n.t('duty.title')}
      extra={<CatalogueFiles writable={writable} onImported={() => void duties.reload()} onAdd={() => setEditing('new')} />}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={i18n.t('duty.search')}
          onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
          style={{ width: 240 }}
          id="duty-search"
        />
        <Select<string>
          style={{ width: 160 }}
          value={domain}
          onChange={(value) => update({ domain: value || undefined, page: undefined })}
          options={[
            { value: '', label: i18n.t('duty.allDomains') },
            ...DUTY_DOMAINS.map((value) => ({ value, label: dutyDomainLabel(i18n, value) })),
          ]}
          data-testid="duty-domain-filter"
        />
      </Space>
      <ProblemAlert error={duties.error} onReload={duties.reload} />
      <Table<Duty>
        data-testid="duties"
        rowKey="code"
        loading={duties.loading}
        dataSource={duties.data?.items ?? []}
        tableLayout="fixed"
        pagination={{
          current: page,
          pageSize,
          total: duties.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (count) => i18n.t('app.total', { count }),
          onChange: (nextPage, nextSize) => update({ page: String(nextPage), pageSize: String(nextSize) }),
        }}
        expandable={{
          rowExpandable: (duty) => Boolean(duty.description || duty.legalBasis || duty.contact),
          expandedRowRender: (duty) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              {[
                duty.description,
                duty.legalBasis && `${i18n.t('duty.legalBasis')}：${duty.legalBasis}`,
                duty.contact && `${i18n.t('duty.contact')}：${duty.contact}`,
              ]
                .filter(Boolean)
                .join('　')}
            </Typography.Paragraph>
          ),
        }}
        columns={dutyColumns(i18n, writable ? setEditing : undefined)}
      />
      <DutyDialog duty={editing} onClose={() => setEditing(undefined)} onSaved={() => void duties.reload()} />
    </Card>
  );
}
