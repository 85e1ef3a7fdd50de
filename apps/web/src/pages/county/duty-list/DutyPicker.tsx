import { Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/endpoints';
import type { Duty } from '../../../api/types';
import { useAsync } from '../../../components/useAsync';
import { useI18n } from '../../../i18n/i18n';

/** A catalogue duty chosen by searching its code or name (GET /duties?q=); `onPicked` gets the whole duty. */
export function DutyPicker({
  id,
  value,
  onChange,
  onPicked,
}: {
  id?: string;
  value?: string;
  onChange?: (code: string) => void;
  onPicked(duty: Duty): void;
}) {
  const i18n = useI18n();
  const [q, setQ] = useState('');
  const found = useAsync(() => api.duties({ q: q || undefined, pageSize: 20 }), [q]);
  const duties = found.data?.items ?? [];
  return (
    <Select
      id={id}
      showSearch
      value={value}
      filterOption={false}
      onSearch={setQ}
      loading={found.loading}
      placeholder={i18n.t('dutyList.pickDuty')}
      style={{ width: '100%' }}
      onChange={(code: string) => {
        onChange?.(code);
        const duty = duties.find((candidate) => candidate.code === code);
        if (duty) onPicked(duty);
      }}
      options={duties.map((duty) => ({ value: duty.code, label: `${duty.code} ${duty.name}` }))}
    />
  );
}
