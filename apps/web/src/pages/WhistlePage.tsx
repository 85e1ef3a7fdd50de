import { Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../api/endpoints';
import { whistleApi } from '../api/whistles';
import { History } from '../components/History';
import { ProblemAlert } from '../components/problems';
import { useAsync } from '../components/useAsync';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { DepartmentActions } from './whistles/DepartmentActions';
import { OfficeActions } from './whistles/OfficeActions';
import { WhistleSummary } from './whistles/WhistleSummary';

/** One whistle: what it is, what is due, the steps the user may take now, and its history. */
export default function WhistlePage() {
  const i18n = useI18n();
  const { id = '' } = useParams();
  const { user } = useSession();
  const [refusal, setRefusal] = useState<unknown>(undefined);
  const countyId = user?.role === 'township' ? null : (user?.countyId ?? null);
  const state = useAsync(async () => {
    const [whistle, history, townships] = await Promise.all([
      whistleApi.get(id),
      whistleApi.history(id),
      countyId ? api.townships(countyId).catch(() => []) : [],
    ]);
    return { whistle, history, townshipName: townships.find((township) => township.id === whistle.townshipId)?.name };
  }, [id, countyId]);
  const whistle = state.data?.whistle;
  const lead = user?.role === 'department' && whistle !== undefined && user.department === whistle.department;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="whistle">
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="whistle-title">
        {whistle?.title ?? i18n.t('nav.whistles')}
      </Typography.Title>
      <ProblemAlert error={state.error} onReload={state.reload} />
      {state.loading && !state.data && <Card loading />}
      {user && state.data && whistle && (
        <>
          <Card>
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <ProblemAlert error={refusal} onReload={state.reload} />
              <WhistleSummary whistle={whistle} townshipName={state.data.townshipName} />
              {lead ? (
                <DepartmentActions whistle={whistle} onDone={state.reload} onRefused={setRefusal} />
              ) : (
                <OfficeActions user={user} whistle={whistle} onDone={state.reload} onRefused={setRefusal} />
              )}
            </Space>
          </Card>
          <Card title={i18n.t('whistle.history')}>
            <History entries={state.data.history} />
          </Card>
        </>
      )}
    </Space>
  );
}
