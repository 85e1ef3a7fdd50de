import { Card, Space } from 'antd';
import { adjustmentsApi } from '../../api/adjustments';
import { api } from '../../api/endpoints';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useSession } from '../../session/session';
import { AdmissionForm } from './department/AdmissionForm';
import { MyAdmissionsCard } from './department/MyAdmissionsCard';

/** 事项准入 for a department: the request form (townships picked from the county's list) and its own requests. */
export default function AdmissionsPage() {
  const { user } = useSession();
  const countyId = user?.countyId ?? '';
  const townships = useAsync(() => (countyId ? api.townships(countyId) : Promise.resolve([])), [countyId]);
  const admissions = useAsync(() => adjustmentsApi.admissions(), []);
  if (!townships.data) return townships.error ? <ProblemAlert error={townships.error} onReload={townships.reload} /> : <Card loading />;
  const names = new Map(townships.data.map((township) => [township.id, township.name]));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <AdmissionForm townships={townships.data} onFiled={() => void admissions.reload()} />
      <ProblemAlert error={admissions.error} onReload={admissions.reload} />
      <MyAdmissionsCard
        admissions={admissions.data ?? []}
        townshipNames={names}
        loading={admissions.loading}
        onReload={() => void admissions.reload()}
      />
    </Space>
  );
}
