import { Descriptions, Space, Typography } from 'antd';
import type { Whistle } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { DueCell, WhistleStatusTag } from './DueCell';

/** What the whistle is about, where it went, its deadlines (each a date, the current one with its countdown) and how it was judged. */
export function WhistleSummary({ whistle, townshipName }: { whistle: Whistle; townshipName: string | undefined }) {
  const i18n = useI18n();
  const { deadlines, evaluation, extensionRequest } = whistle;
  const deadlineLines = (['accept', 'arrive', 'resolve'] as const).flatMap((step) => {
    const by = deadlines[`${step}By`];
    return by ? [i18n.t('whistle.dueBy', { step: i18n.t(`whistle.step.${step}`), date: i18n.dateTime(by) })] : [];
  });
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered data-testid="whistle-summary">
      <Descriptions.Item label={i18n.t('whistles.column.status')}>
        <Space>
          <WhistleStatusTag status={whistle.status} />
          {whistle.urgency === 'urgent' && <Typography.Text type="danger">{i18n.t('whistle.urgency.urgent')}</Typography.Text>}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={i18n.t('whistles.column.due')}>
        <DueCell whistle={whistle} />
      </Descriptions.Item>
      <Descriptions.Item label={i18n.t('whistle.field.description')} span={2}>
        {whistle.description}
      </Descriptions.Item>
      {townshipName && <Descriptions.Item label={i18n.t('whistles.column.township')}>{townshipName}</Descriptions.Item>}
      {whistle.location && <Descriptions.Item label={i18n.t('whistle.field.location')}>{whistle.location}</Descriptions.Item>}
      <Descriptions.Item label={i18n.t('whistle.field.duty')}>{whistle.dutyCode ?? i18n.t('app.none')}</Descriptions.Item>
      <Descriptions.Item label={i18n.t('whistle.field.department')}>
        {whistle.department ??
          i18n.tr(`whistle.dispatchBecause.${whistle.awaitingDispatchBecause ?? ''}`, i18n.t('whistle.status.awaiting-dispatch'))}
        {whistle.coDepartments.length > 0 && ` · ${i18n.t('whistle.field.coDepartments')}：${whistle.coDepartments.join('、')}`}
      </Descriptions.Item>
      {whistle.routedBy && (
        <Descriptions.Item label={i18n.t('whistle.field.routedBy')}>{i18n.t(`whistle.routedBy.${whistle.routedBy}`)}</Descriptions.Item>
      )}
      <Descriptions.Item label={i18n.t('whistle.field.deadlines')}>
        {deadlineLines.length > 0 ? deadlineLines.join('；') : i18n.t('app.none')}
      </Descriptions.Item>
      {whistle.result && (
        <Descriptions.Item label={i18n.t('whistle.field.result')} span={2}>
          {whistle.result}
        </Descriptions.Item>
      )}
      {extensionRequest && (
        <Descriptions.Item label={i18n.t('whistle.field.extension')} span={2}>
          {i18n.dateTime(extensionRequest.until)} · {extensionRequest.reason}
        </Descriptions.Item>
      )}
      {evaluation && (
        <Descriptions.Item label={i18n.t('whistle.field.evaluation')} span={2}>
          <span data-testid="whistle-evaluation">
            {i18n.t('whistle.evaluationText', {
              score: evaluation.score,
              satisfied: i18n.t(evaluation.satisfied ? 'whistle.yes' : 'whistle.no'),
            })}
            {evaluation.comment ? ` · ${evaluation.comment}` : ''}
          </span>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
