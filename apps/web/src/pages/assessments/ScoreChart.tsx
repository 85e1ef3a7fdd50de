import { Empty, Progress, Typography } from 'antd';
import type { DepartmentAssessment } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

function colorOf(score: number): string {
  return score >= 85 ? '#52c41a' : score >= 60 ? '#1677ff' : '#ff4d4f';
}

/** The departments' 0–100 scores as bars, highest first. */
export function ScoreChart({ rows }: { rows: DepartmentAssessment[] }) {
  const i18n = useI18n();
  if (rows.length === 0) return <Empty description={i18n.t('assessment.empty')} />;
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  return (
    <div data-testid="assessment-chart" style={{ display: 'grid', gridTemplateColumns: 'minmax(96px, max-content) 1fr', gap: '8px 16px' }}>
      {sorted.map((row) => (
        <div key={row.department} style={{ display: 'contents' }} data-testid="assessment-bar">
          <Typography.Text>{row.department}</Typography.Text>
          <Progress
            percent={row.score}
            format={(value) => (value ?? 0).toFixed(1)}
            strokeColor={colorOf(row.score)}
            size={['100%', 16]}
            aria-label={row.department}
          />
        </div>
      ))}
    </div>
  );
}
