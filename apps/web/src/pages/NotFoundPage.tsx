import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';

export default function NotFoundPage() {
  const i18n = useI18n();
  return (
    <Result
      status="404"
      title={i18n.t('notFound.title')}
      extra={
        <Link to="/">
          <Button type="primary">{i18n.t('guard.home')}</Button>
        </Link>
      }
    />
  );
}
