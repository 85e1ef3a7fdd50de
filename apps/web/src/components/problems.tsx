import { Alert, Button, Space } from 'antd';
import { Link } from 'react-router';
import { ApiProblem } from '../api/http';
import type { FieldError } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { explain, fieldErrorText } from './explain';
import { GapsTable } from './GapsTable';

export { explain, fieldErrorText, problemText } from './explain';
export { applyFieldErrors, namePathOf } from './fieldErrors';

export interface ProblemAlertProps {
  error: unknown;
  /** Offered on a stale version (409) and on load failures. */
  onReload?: () => void;
  /** Offered with the gaps of a refused acceptance. */
  teamId?: string;
  /** Field errors no field shows. */
  leftover?: FieldError[];
}

/** A failed request explained in plain words, with a way forward. */
export function ProblemAlert({ error, onReload, teamId, leftover }: ProblemAlertProps) {
  const i18n = useI18n();
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error : undefined;
  const gaps = problem?.status === 409 ? problem.gaps : undefined;
  const reloadable = onReload && (problem?.isVersionConflict || problem?.isNetwork || (problem?.status ?? 500) >= 500 || !problem);
  return (
    <Alert
      data-testid="problem"
      type={problem?.status === 400 ? 'warning' : 'error'}
      showIcon
      style={{ marginBottom: 16 }}
      message={explain(i18n, error)}
      description={
        (gaps && gaps.length > 0) || (leftover && leftover.length > 0) || reloadable || (gaps && teamId) ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            {leftover && leftover.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {leftover.map((item) => (
                  <li key={`${item.field}:${item.code}`}>
                    <code>{item.field}</code>: {fieldErrorText(i18n, item)}
                  </li>
                ))}
              </ul>
            )}
            {gaps && gaps.length > 0 && <GapsTable gaps={gaps} testId="problem-gaps" />}
            <Space>
              {reloadable && (
                <Button size="small" onClick={onReload} data-testid="problem-reload">
                  {problem?.isVersionConflict ? i18n.t('problem.reloadLatest') : i18n.t('app.retry')}
                </Button>
              )}
              {gaps && teamId && (
                <Link to={`/teams/${teamId}`}>
                  <Button size="small" type="primary">
                    {i18n.t('problem.fixGaps')}
                  </Button>
                </Link>
              )}
            </Space>
          </Space>
        ) : undefined
      }
    />
  );
}
