import { type AsOfEvidence, COUNTY_OFFICE, type Gap, type PeriodEvaluation } from '@fangquan/domain';
import { type TableColumn, type WorkbookSheet, writeWorkbook } from '@fangquan/spreadsheets';

/** The evaluation and the as-of evidence as workbooks, with Chinese headers, one sheet per table. */

const FLAG_NAMES: Record<string, string> = { 'zero-use': '零办件', 'never-ready': '从未具备', 'recall-requested': '申请收回' };
const RESOURCE_NAMES: Record<Gap['resource'], string> = { officers: '持证人员', training: '培训', equipment: '装备' };
const STATUS_NAMES: Record<string, string> = {
  recorded: '待确认',
  accepted: '已承接',
  contested: '有异议',
  active: '已生效',
  revoked: '已收回',
};

type Row = Record<string, string | number | undefined>;

const percent = (share: number | null): string => (share === null ? '' : `${(share * 100).toFixed(1)}%`);
const responsibleName = (responsible: string): string => (responsible === COUNTY_OFFICE ? '县级统筹' : responsible);
const gapText = (gaps: readonly Gap[]): string =>
  gaps.map((gap) => `${RESOURCE_NAMES[gap.resource]}·${gap.item} 缺${gap.missing}（责任：${responsibleName(gap.responsible)}）`).join('；');
const columns = (...list: [header: string, field: string, width: number][]): TableColumn[] =>
  list.map(([header, field, width]) => ({ header, field, width, required: false }));

const HANDOVER_COLUMNS = columns(
  ['乡镇', 'township', 14],
  ['事项编码', 'powerCode', 14],
  ['下放部门', 'department', 14],
  ['状态', 'status', 8],
  ['记录日期', 'recordedOn', 12],
  ['统计天数', 'days', 9],
  ['具备天数', 'readyDays', 9],
  ['具备率', 'readyShare', 9],
  ['首次具备用时(天)', 'daysToFirstReady', 14],
  ['办件量', 'cases', 8],
  ['提醒次数', 'remindersSent', 9],
  ['收回申请', 'recallRequests', 9],
  ['承诺项', 'promised', 8],
  ['已兑现', 'delivered', 8],
  ['逾期天数', 'lateDays', 9],
  ['标记', 'flags', 20],
  ['台账编号', 'handoverId', 38],
);

const TOWNSHIP_COLUMNS = columns(
  ['乡镇', 'township', 14],
  ['事项数', 'handovers', 8],
  ['具备率', 'readyShare', 9],
  ['办件量', 'cases', 8],
  ['提醒次数', 'remindersSent', 9],
  ['零办件', 'zeroUse', 8],
  ['从未具备', 'neverReady', 9],
  ['申请收回', 'recallRequested', 9],
  ['承诺项', 'promised', 8],
  ['已兑现', 'delivered', 8],
  ['逾期天数', 'lateDays', 9],
);

const DEPARTMENT_COLUMNS = columns(
  ['部门', 'department', 16],
  ['下放事项', 'handovers', 9],
  ['承诺项', 'promised', 8],
  ['已兑现', 'delivered', 8],
  ['按时兑现', 'deliveredOnTime', 9],
  ['逾期天数', 'lateDays', 9],
  ['缺口天数', 'gapDays', 9],
);

export function evaluationWorkbook(evaluation: PeriodEvaluation, townshipNames: ReadonlyMap<string, string>): Promise<Buffer> {
  const township = (id: string): string => townshipNames.get(id) ?? id;
  const rows = evaluation.handovers.map((handover): { row: Row; zeroUse: boolean } => ({
    zeroUse: handover.flags.includes('zero-use'),
    row: {
      township: township(handover.townshipId),
      powerCode: handover.powerCode,
      department: handover.department,
      status: STATUS_NAMES[handover.status] ?? handover.status,
      recordedOn: handover.recordedOn,
      days: handover.days,
      readyDays: handover.readyDays,
      readyShare: percent(handover.readyShare),
      daysToFirstReady: handover.daysToFirstReady ?? undefined,
      cases: handover.cases,
      remindersSent: handover.remindersSent,
      recallRequests: handover.recallRequests,
      promised: handover.committedDelivered.promised,
      delivered: handover.committedDelivered.delivered,
      lateDays: handover.committedDelivered.lateDays,
      flags: handover.flags.map((flag) => FLAG_NAMES[flag] ?? flag).join('、'),
      handoverId: handover.handoverId,
    },
  }));
  const sheets: WorkbookSheet[] = [
    { name: '逐项评估', columns: HANDOVER_COLUMNS, rows: rows.map(({ row }) => row) },
    { name: '零办件事项', columns: HANDOVER_COLUMNS, rows: rows.filter(({ zeroUse }) => zeroUse).map(({ row }) => row) },
    {
      name: '乡镇汇总',
      columns: TOWNSHIP_COLUMNS,
      rows: evaluation.totals.townships.map(({ townshipId, readyShare, ...totals }) => ({
        ...totals,
        township: township(townshipId),
        readyShare: percent(readyShare),
      })),
    },
    {
      name: '部门汇总',
      columns: DEPARTMENT_COLUMNS,
      rows: evaluation.totals.departments.map((row) => ({ ...row, department: responsibleName(row.department) })),
    },
  ];
  return writeWorkbook(sheets);
}

export function asOfWorkbook(evidence: AsOfEvidence): Promise<Buffer> {
  const source =
    evidence.lastEvent === null
      ? '台账中尚无该日及以前的记录。'
      : `根据台账记录回放生成，截至该日终了；最后一条记录位置 #${evidence.lastEvent.position}（${evidence.lastEvent.occurredAt}）。`;
  return writeWorkbook([
    {
      name: '事项',
      columns: columns(
        ['事项编码', 'powerCode', 14],
        ['下放部门', 'department', 14],
        ['状态', 'status', 8],
        ['生效日期', 'effectiveOn', 12],
        ['具备', 'ready', 6],
        ['缺口及责任单位', 'gaps', 60],
      ),
      rows: evidence.handovers.map((handover) => ({
        powerCode: handover.powerCode,
        department: handover.department,
        status: STATUS_NAMES[handover.status] ?? handover.status,
        effectiveOn: handover.effectiveOn,
        ready: handover.ready ? '是' : '否',
        gaps: gapText(handover.gaps),
      })),
    },
    {
      name: '队伍',
      columns: columns(
        ['姓名', 'name', 10],
        ['执法证号', 'certificateNumber', 18],
        ['证件有效期至', 'certificateExpiresOn', 14],
        ['当日有效', 'certified', 9],
      ),
      rows: evidence.team.officers.map((officer) => ({ ...officer, certified: officer.certified ? '是' : '否' })),
    },
    {
      name: '提醒',
      columns: columns(
        ['发送时间', 'sentAt', 24],
        ['事项编码', 'powerCode', 14],
        ['类型', 'kind', 16],
        ['级次', 'step', 6],
        ['接收人数', 'recipients', 9],
        ['缺口', 'gaps', 50],
      ),
      rows: evidence.reminders.map((reminder) => ({
        sentAt: reminder.sentAt,
        powerCode: reminder.powerCode,
        kind: reminder.kind,
        step: reminder.step,
        recipients: reminder.recipients.length,
        gaps: gapText(reminder.gaps),
      })),
      notes: [`${evidence.townshipName ?? evidence.townshipId} ${evidence.date} 日终履职条件情况`, source],
      notesName: '说明',
    },
  ]);
}
