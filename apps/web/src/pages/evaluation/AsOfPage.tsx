import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { api } from '../../api/endpoints';
import { evaluationApi } from '../../api/evaluations';
import type { AsOfEvidence, Gap } from '../../api/types';
import { useCountyConfig } from '../../app/county-config';
import { courseLabel, itemLabel, kindLabel, statusLabel } from '../../components/labels';
import { ProblemAlert } from '../../components/problems';
import { fieldErrorsOf } from './field-errors';
import { useAsync } from '../../components/useAsync';
import { useI18n, type I18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { AS_OF_STYLE } from './as-of-style';

function partyLabel(i18n: I18n, party: string): string {
  return party === 'county-office' ? i18n.t('evaluation.countyOffice') : party;
}

function gapLine(i18n: I18n, gap: Gap): string {
  return i18n.t('asOf.gap', {
    item: itemLabel(i18n, gap),
    missing: i18n.number(gap.missing),
    responsible: partyLabel(i18n, gap.responsible),
  });
}

/**
 * 履职情况证明 (容错免责): a township's record as it stood at the end of a day — its handovers, ready or
 * not and who answered for each gap, its team, the duty list in force and the reminders sent —
 * printable on A4 and exportable. The township and the day are in the address.
 */
export default function AsOfPage() {
  const i18n = useI18n();
  const { user } = useSession();
  const config = useCountyConfig();
  const today = config.today();
  const navigate = useNavigate();
  const params = useParams();
  const [search] = useSearchParams();
  const townshipId = params.townshipId ?? (user?.role === 'township' ? (user.townshipId ?? undefined) : undefined);
  const date = search.get('date') ?? today;
  const future = date > today;
  const townships = useAsync(() => (user?.countyId ? api.townships(user.countyId) : Promise.resolve([])), [user?.countyId]);
  const powers = useAsync(() => api.powers().catch(() => []), []);
  const evidence = useAsync(
    () => (townshipId && !future ? evaluationApi.asOf(townshipId, date) : Promise.resolve(undefined)),
    [townshipId, date, future],
  );
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(undefined);
  const listed = townships.data?.find((township) => township.id === townshipId);
  const townshipName = evidence.data?.townshipName ?? listed?.name ?? '';

  const go = (next: { townshipId?: string; date?: string }) => {
    const id = next.townshipId ?? townshipId;
    if (id) navigate(`/townships/${id}/as-of?date=${next.date ?? date}`);
  };
  const exportSheet = () => {
    if (!townshipId) return;
    setExporting(true);
    setExportError(undefined);
    evaluationApi
      .saveAsOfSheet(townshipId, date, townshipName || townshipId)
      .catch((error: unknown) => setExportError(error))
      .finally(() => setExporting(false));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="as-of">
      <style>{AS_OF_STYLE}</style>
      <Card size="small" className="as-of-toolbar">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {i18n.t('asOf.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{i18n.t('asOf.hint')}</Typography.Text>
          <Space wrap>
            <Typography.Text>{i18n.t('asOf.township')}</Typography.Text>
            <Select<string>
              id="as-of-township"
              data-testid="as-of-township"
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              placeholder={i18n.t('asOf.pick')}
              disabled={user?.role === 'township'}
              loading={townships.loading}
              value={listed?.id ?? townshipId}
              onChange={(id) => go({ townshipId: id })}
              options={(townships.data ?? []).map((township) => ({ value: township.id, label: township.name }))}
            />
            <Typography.Text>{i18n.t('asOf.date')}</Typography.Text>
            <DatePicker
              id="as-of-date"
              data-testid="as-of-date"
              allowClear={false}
              value={dayjs(date)}
              disabledDate={(day) => day.format('YYYY-MM-DD') > today}
              onChange={(day) => {
                if (day) go({ date: day.format('YYYY-MM-DD') });
              }}
            />
            <Button icon={<PrinterOutlined />} disabled={!evidence.data} onClick={() => window.print()} data-testid="as-of-print">
              {i18n.t('asOf.print')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              disabled={!evidence.data}
              loading={exporting}
              onClick={exportSheet}
              data-testid="as-of-export"
            >
              {i18n.t('asOf.export')}
            </Button>
          </Space>
          {future && <Alert type="warning" showIcon message={i18n.t('asOf.futureDate')} />}
          <ProblemAlert
            error={evidence.error ?? exportError ?? townships.error}
            onReload={evidence.reload}
            leftover={fieldErrorsOf(evidence.error ?? exportError)}
          />
        </Space>
      </Card>
      {!townshipId ? (
        <Card>
          <Empty description={i18n.t('asOf.pick')} />
        </Card>
      ) : evidence.loading && !evidence.data ? (
        <Card loading />
      ) : evidence.data ? (
        <EvidenceSheet
          evidence={evidence.data}
          townshipName={townshipName}
          powerName={(code) => powers.data?.find((power) => power.code === code)?.name ?? code}
        />
      ) : null}
    </Space>
  );
}

function EvidenceSheet({
  evidence,
  townshipName,
  powerName,
}: {
  evidence: AsOfEvidence;
  townshipName: string;
  powerName: (code: string) => string;
}) {
  const i18n = useI18n();
  const { team, dutyList } = evidence;
  return (
    <div className="as-of-sheet" data-testid="as-of-sheet">
      <h1>{i18n.t('asOf.heading', { township: townshipName })}</h1>
      <div className="as-of-date">{i18n.t('asOf.asOfDate', { date: i18n.date(evidence.date) })}</div>
      <div className="as-of-source" data-testid="as-of-source">
        {evidence.lastEvent
          ? i18n.t('asOf.source', { position: evidence.lastEvent.position, occurredAt: i18n.dateTime(evidence.lastEvent.occurredAt) })
          : i18n.t('asOf.sourceEmpty')}
      </div>

      <h2>{i18n.t('asOf.handovers')}</h2>
      {evidence.handovers.length === 0 ? (
        <p className="as-of-empty">{i18n.t('asOf.noHandovers')}</p>
      ) : (
        <table data-testid="as-of-handovers">
          <thead>
            <tr>
              <th>{i18n.t('asOf.column.power')}</th>
              <th>{i18n.t('asOf.column.department')}</th>
              <th>{i18n.t('asOf.column.status')}</th>
              <th>{i18n.t('asOf.column.effectiveOn')}</th>
              <th>{i18n.t('asOf.column.ready')}</th>
              <th>{i18n.t('asOf.column.gaps')}</th>
            </tr>
          </thead>
          <tbody>
            {evidence.handovers.map((handover) => (
              <tr key={handover.handoverId}>
                <td>
                  {powerName(handover.powerCode)}
                  <br />
                  <small>{handover.powerCode}</small>
                </td>
                <td>{handover.department}</td>
                <td>{statusLabel(i18n, handover.status)}</td>
                <td>{i18n.date(handover.effectiveOn)}</td>
                <td className={handover.ready ? undefined : 'as-of-not-ready'} data-ready={handover.ready}>
                  {i18n.t(handover.ready ? 'asOf.ready' : 'asOf.notReady')}
                </td>
                <td>
                  {handover.gaps.length === 0 ? (
                    i18n.t('asOf.none')
                  ) : (
                    <ul>
                      {handover.gaps.map((gap) => (
                        <li key={`${gap.resource}:${gap.item}`}>{gapLine(i18n, gap)}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{i18n.t('asOf.team')}</h2>
      <p data-testid="as-of-certified">{i18n.t('asOf.certifiedOfficers', { count: i18n.number(team.certifiedOfficers) })}</p>
      {team.officers.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{i18n.t('asOf.column.officer')}</th>
              <th>{i18n.t('asOf.column.certificate')}</th>
              <th>{i18n.t('asOf.column.expiresOn')}</th>
              <th>{i18n.t('asOf.column.certified')}</th>
            </tr>
          </thead>
          <tbody>
            {team.officers.map((officer) => (
              <tr key={officer.officerId}>
                <td>{officer.name}</td>
                <td>{officer.certificateNumber}</td>
                <td>{i18n.date(officer.certificateExpiresOn)}</td>
                <td className={officer.certified ? undefined : 'as-of-not-ready'}>
                  {i18n.t(officer.certified ? 'asOf.certified' : 'asOf.notCertified')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <strong>{i18n.t('asOf.equipment')}：</strong>
        {team.equipment.length === 0
          ? i18n.t('asOf.none')
          : team.equipment
              .map((line) => i18n.t('asOf.equipmentLine', { kind: kindLabel(i18n, line.kind), quantity: i18n.number(line.quantity) }))
              .join('；')}
      </p>
      <p>
        <strong>{i18n.t('asOf.training')}：</strong>
        {team.training.length === 0
          ? i18n.t('asOf.none')
          : team.training
              .map((line) =>
                i18n.t('asOf.trainingLine', {
                  course: courseLabel(i18n, line.course),
                  officers: i18n.number(line.officers),
                  hours: i18n.number(line.hours),
                }),
              )
              .join('；')}
      </p>

      <h2>{i18n.t('asOf.dutyList')}</h2>
      {dutyList ? (
        <p data-testid="as-of-duty-list">
          {i18n.t('asOf.dutyListVersion', {
            version: dutyList.version,
            publishedAt: i18n.date(dutyList.publishedAt),
            decisionRef: dutyList.decisionRef,
          })}
          <br />
          {i18n.t('asOf.dutyListCounts', {
            basic: i18n.number(dutyList.counts.basic),
            assisting: i18n.number(dutyList.counts.assisting),
            returned: i18n.number(dutyList.counts.returned),
          })}
        </p>
      ) : (
        <p className="as-of-empty">{i18n.t('asOf.noDutyList')}</p>
      )}

      <h2>{i18n.t('asOf.reminders')}</h2>
      {evidence.reminders.length === 0 ? (
        <p className="as-of-empty">{i18n.t('asOf.noReminders')}</p>
      ) : (
        <table data-testid="as-of-reminders">
          <thead>
            <tr>
              <th>{i18n.t('asOf.column.sentAt')}</th>
              <th>{i18n.t('asOf.column.kind')}</th>
              <th>{i18n.t('asOf.column.aboutPower')}</th>
              <th>{i18n.t('asOf.column.gaps')}</th>
              <th>{i18n.t('asOf.column.recipients')}</th>
            </tr>
          </thead>
          <tbody>
            {evidence.reminders.map((reminder) => (
              <tr key={reminder.reminderId}>
                <td>{i18n.dateTime(reminder.sentAt)}</td>
                <td>{i18n.tr(`reminder.${reminder.kind}`, reminder.kind)}</td>
                <td>{powerName(reminder.powerCode)}</td>
                <td>{reminder.gaps.length === 0 ? i18n.t('asOf.none') : reminder.gaps.map((gap) => gapLine(i18n, gap)).join('；')}</td>
                <td className="num">{i18n.number(reminder.recipients.length)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
