import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { Role } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { homeOf } from '../session/session';

/** A page of another role: said plainly (the API refuses the same with 403). */
export default function ForbiddenPage({ role }: { role: Role }) {
  const i18n = useI18n();
  return (
    <div data-testid="forbidden">
      <Result
        status="403"
        title={i18n.t('guard.forbiddenTitle')}
        subTitle={i18n.t('guard.forbidden', { role: i18n.t(`role.${role}`) })}
        extra={
          <Link to={homeOf(role)}>
            <Button type="primary">{i18n.t('guard.home')}</Button>
          </Link>
        }
      />
    </div>
  );
}
