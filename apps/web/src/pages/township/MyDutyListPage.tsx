import { Alert, Card } from 'antd';
import { api } from '../../api/endpoints';
import { DutyItemsTabs, PublishedTag } from '../../components/DutyItemsTabs';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { QrCard } from './duty-list/QrCard';

/** The township's own list, read-only (three tabs), and the public page's QR code to print. */
export default function MyDutyListPage() {
  const i18n = useI18n();
  const { user } = useSession();
  const townshipId = user?.townshipId ?? '';
  const list = useAsync(() => api.dutyList(townshipId), [townshipId]);
  const townships = useAsync(() => (user?.countyId ? api.townships(user.countyId).catch(() => []) : Promise.resolve([])), [user?.countyId]);
  const name = townships.data?.find((township) => township.id === townshipId)?.name ?? '';
  const data = list.data;
  return (
    <>
      <Card
        title={
          <>
            {name} {i18n.t('nav.myDutyList')} {data && <PublishedTag list={data} />}
          </>
        }
        loading={list.loading && !data}
        data-testid="duty-list"
      >
        <Alert type="info" showIcon message={i18n.t('dutyList.readOnly')} style={{ marginBottom: 12 }} />
        <ProblemAlert error={list.error} onReload={list.reload} />
        {data && <DutyItemsTabs list={data} />}
      </Card>
      {data && <QrCard townshipId={townshipId} townshipName={name} published={data.published !== null} />}
    </>
  );
}
