import { Col, Row, Typography } from 'antd';
import type { Handover, Power, Team } from '../../../api/types';
import { useCountyConfig } from '../../../app/county-config';
import { AnswerPanel } from '../../../components/AnswerPanel';
import { GapsTable } from '../../../components/GapsTable';
import { RequirementsTable } from '../../../components/RequirementsTable';
import { requirementRows } from '../../../domain/readiness';
import { useI18n } from '../../../i18n/i18n';

/** One awaiting handover opened: what the power requires against the team, the gaps, and the answer. */
export function AwaitingDetails({
  handover,
  power,
  team,
  onAnswered,
}: {
  handover: Handover;
  power: Power | undefined;
  team: Team | undefined;
  onAnswered(): void;
}) {
  const i18n = useI18n();
  const config = useCountyConfig();
  return (
    <div data-testid="awaiting-details">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Typography.Title level={5}>{i18n.t('handover.requirementsVsTeam')}</Typography.Title>
          {power && team && <RequirementsTable rows={requirementRows(power.requirements, team, handover.effectiveOn, config.today())} />}
        </Col>
        <Col xs={24} xl={12}>
          <Typography.Title level={5}>{i18n.t('handover.gaps')}</Typography.Title>
          <GapsTable gaps={handover.readiness.gaps} />
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <AnswerPanel handover={handover} onAnswered={onAnswered} onReload={onAnswered} />
      </div>
    </div>
  );
}
