import { Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { dutyCategoryLabel } from '../../../components/labels';
import { diffSize, type ListDiff } from '../../../domain/duty-list';
import { useI18n } from '../../../i18n/i18n';

function Section({ title, color, testId, children }: { title: string; color: string; testId: string; children: ReactNode[] }) {
  if (children.length === 0) return null;
  return (
    <div data-testid={testId} style={{ marginBottom: 8 }}>
      <Tag color={color}>
        {title} {children.length}
      </Tag>
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>{children}</ul>
    </div>
  );
}

/** What a version changes: items added, removed, and moved from one category to another. */
export function DiffView({ diff, empty }: { diff: ListDiff; empty: string }) {
  const i18n = useI18n();
  if (diffSize(diff) === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  const category = (value: ListDiff['added'][number]['category']) => dutyCategoryLabel(i18n, value);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={0}>
      <Section title={i18n.t('dutyList.diffAdded')} color="green" testId="diff-added">
        {diff.added.map((entry) => (
          <li key={entry.key}>
            {entry.name}（{category(entry.category)}）
          </li>
        ))}
      </Section>
      <Section title={i18n.t('dutyList.diffRemoved')} color="red" testId="diff-removed">
        {diff.removed.map((entry) => (
          <li key={entry.key}>{entry.name}</li>
        ))}
      </Section>
      <Section title={i18n.t('dutyList.diffRecategorized')} color="blue" testId="diff-recategorized">
        {diff.recategorized.map(({ entry, from }) => (
          <li key={entry.key}>
            {entry.name}：{category(from)} → {category(entry.category)}
          </li>
        ))}
      </Section>
      <Section title={i18n.t('dutyList.diffRevised')} color="gold" testId="diff-revised">
        {diff.revised.map((entry) => (
          <li key={entry.key}>{entry.name}</li>
        ))}
      </Section>
    </Space>
  );
}
