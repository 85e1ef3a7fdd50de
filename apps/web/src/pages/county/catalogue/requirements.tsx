import { Space, Tag } from 'antd';
import type { Requirements } from '../../../api/types';
import { courseLabel, kindLabel } from '../../../components/labels';
import { useI18n } from '../../../i18n/i18n';

/** Form lists may hold removed (undefined) lines: the API gets the real ones. */
export function cleanRequirements(requirements: Requirements | undefined): Requirements {
  return {
    certifiedOfficers: requirements?.certifiedOfficers ?? 0,
    equipment: (requirements?.equipment ?? []).filter(Boolean).map((line) => ({ kind: (line.kind ?? '').trim(), quantity: line.quantity })),
    training: (requirements?.training ?? []).filter(Boolean).map((line) => ({ course: (line.course ?? '').trim(), hours: line.hours })),
  };
}

export function RequirementsSummary({ requirements }: { requirements: Requirements }) {
  const i18n = useI18n();
  return (
    <Space size={[4, 4]} wrap>
      <Tag color="blue">{i18n.t('catalogue.officersN', { count: i18n.number(requirements.certifiedOfficers) })}</Tag>
      {requirements.equipment.map((line) => (
        <Tag key={`e:${line.kind}`}>
          {kindLabel(i18n, line.kind)} × {i18n.number(line.quantity)}
        </Tag>
      ))}
      {requirements.training.map((line) => (
        <Tag key={`t:${line.course}`} color="purple">
          {courseLabel(i18n, line.course)} {i18n.number(line.hours)} h
        </Tag>
      ))}
    </Space>
  );
}
