import { Button, Card, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { adjustmentsApi } from '../../api/adjustments';
import { allHandovers, api } from '../../api/endpoints';
import type { Handover } from '../../api/types';
import { ProblemAlert } from '../../components/problems';
import { useAsync } from '../../components/useAsync';
import { useI18n } from '../../i18n/i18n';
import { can, useSession } from '../../session/session';
import { AdmissionEvidence } from './decisions/AdmissionEvidence';
import { DecideForm } from './decisions/DecideForm';
import { QueueTable } from './decisions/QueueTable';
import { queueOf, requesterOf, subjectOf, type QueueNames } from './decisions/queue';
import { RecallEvidence } from './decisions/RecallEvidence';

/** 待决定: the county office's queue of recall requests and task admissions, the chosen one's evidence beside it, decided with a reason. */
export default function DecisionsPage() {
  const i18n = useI18n();
  const { user } = useSession();
  const countyId = user?.countyId ?? '';
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const data = useAsync(async () => {
    const [recalls, admissions, handovers, townships] = await Promise.all([
      adjustmentsApi.recallRequests({ status: 'pending' }),
      adjustmentsApi.admissions({ status: 'pending' }),
      allHandovers(),
      countyId ? api.townships(countyId) : Promise.resolve([]),
    ]);
    const names: QueueNames = {
      townships: new Map(townships.map((township) => [township.id, township.name])),
      handovers: new Map<string, Handover>(handovers.map((handover) => [handover.id, handover])),
    };
    return { entries: queueOf(recalls, admissions), names };
  }, [countyId]);

  if (!data.data) return data.error ? <ProblemAlert error={data.error} onReload={data.reload} /> : <Card loading />;
  const { entries, names } = data.data;
  const entry = entries.find((candidate) => candidate.id === chosen) ?? entries[0];
  const decided = () => {
    setChosen(undefined);
    void data.reload();
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card
          title={i18n.t('decisions.title', { count: entries.length })}
          extra={<Button onClick={() => void data.reload()}>{i18n.t('app.reload')}</Button>}
        >
          <ProblemAlert error={data.error} onReload={data.reload} />
          <QueueTable entries={entries} names={names} selected={entry?.id} onSelect={setChosen} loading={data.loading} />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        {entry ? (
          <Card
            key={entry.id}
            data-testid="evidence"
            data-request={entry.id}
            title={`${subjectOf(entry, names)} · ${requesterOf(entry, names)}`}
          >
            <Space direction="vertical" size="large" style={{ width: '100%' }}>
              {entry.kind === 'recall' ? (
                <RecallEvidence request={entry.request} />
              ) : (
                <AdmissionEvidence admission={entry.admission} townshipNames={names.townships} />
              )}
              {can(user).readOnly ? null : <DecideForm entry={entry} onDecided={decided} />}
            </Space>
          </Card>
        ) : (
          <Card>
            <Typography.Text type="secondary">{i18n.t('decisions.nothingChosen')}</Typography.Text>
          </Card>
        )}
      </Col>
    </Row>
  );
}
