import ExcelJS from 'exceljs';
import type { Forecast, Gap, HandoverBatchPlan } from '@fangquan/domain';

/** Names a reader knows for townships and powers; an id or code stands where no name is known. */
export interface SheetNames {
  township: (id: string) => string;
  power: (code: string) => string;
}

const RESOURCE_WORDS: Record<Gap['resource'], string> = { officers: '持证执法人员', training: '培训', equipment: '装备' };

/** A gap in Chinese: 持证执法人员缺 1（需 3，有 2）; 培训「行政执法基础」缺 2 人（需 2，有 0）. */
export function gapInChinese(gap: Gap): string {
  const what = gap.resource === 'officers' ? RESOURCE_WORDS.officers : `${RESOURCE_WORDS[gap.resource]}「${gap.item}」`;
  const unit = gap.resource === 'equipment' ? '' : ' 人';
  const whose = gap.responsible === 'county-office' ? '县综合协调办公室' : gap.responsible;
  return `${what}缺 ${gap.missing}${unit}（需 ${gap.required}，有 ${gap.available}；责任：${whose}）`;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheetOf(workbook: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number }[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** Three sheets: 可赋予, 暂不具备 (one row per gap, in Chinese), 缺口合计 (the county's total, then each township's). */
export async function planWorkbook(plan: HandoverBatchPlan, names: SheetNames): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fangquan';
  const pairColumns = [
    { header: '乡镇（街道）', key: 'township', width: 20 },
    { header: '事项编码', key: 'powerCode', width: 16 },
    { header: '事项名称', key: 'powerName', width: 30 },
  ];
  const ready = sheetOf(workbook, '可赋予', [...pairColumns, { header: '生效日期', key: 'effectiveOn', width: 12 }]);
  for (const pair of plan.ready)
    ready.addRow({
      township: names.township(pair.townshipId),
      powerCode: pair.powerCode,
      powerName: names.power(pair.powerCode),
      effectiveOn: plan.effectiveOn,
    });
  const notReady = sheetOf(workbook, '暂不具备', [...pairColumns, { header: '缺口', key: 'gap', width: 60 }]);
  for (const pair of plan.notReady)
    for (const gap of pair.gaps)
      notReady.addRow({
        township: names.township(pair.townshipId),
        powerCode: pair.powerCode,
        powerName: names.power(pair.powerCode),
        gap: gapInChinese(gap),
      });
  const totals = sheetOf(workbook, '缺口合计', [
    { header: '范围', key: 'scope', width: 20 },
    { header: '类别', key: 'resource', width: 16 },
    { header: '项目', key: 'item', width: 24 },
    { header: '缺少（人/件）', key: 'missing', width: 14 },
    { header: '培训学时', key: 'hours', width: 12 },
  ]);
  const shortfallRows = (scope: string, shortfall: HandoverBatchPlan['missing']): void => {
    if (shortfall.officers > 0)
      totals.addRow({ scope, resource: RESOURCE_WORDS.officers, item: '持证执法人员', missing: shortfall.officers });
    for (const line of shortfall.equipment)
      totals.addRow({ scope, resource: RESOURCE_WORDS.equipment, item: line.kind, missing: line.quantity });
    for (const line of shortfall.training)
      totals.addRow({ scope, resource: RESOURCE_WORDS.training, item: line.course, missing: line.officers, hours: line.hours });
  };
  shortfallRows('全县合计', plan.missing);
  for (const township of plan.byTownship) shortfallRows(names.township(township.townshipId), township);
  return bytesOf(workbook);
}

const OPENING_WORDS: Record<string, string> = { 'certificate-expiry': '执法证到期', 'entrustment-end': '委托期满' };

/** One sheet, one row per opening or closing, month by month. */
export async function forecastWorkbook(forecast: Forecast, names: SheetNames): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fangquan';
  const sheet = sheetOf(workbook, '缺口预测', [
    { header: '月份', key: 'month', width: 10 },
    { header: '日期', key: 'on', width: 12 },
    { header: '变化', key: 'change', width: 10 },
    { header: '原因', key: 'reason', width: 14 },
    { header: '乡镇（街道）', key: 'township', width: 20 },
    { header: '事项编码', key: 'powerCode', width: 16 },
    { header: '事项名称', key: 'powerName', width: 30 },
    { header: '说明', key: 'detail', width: 50 },
    { header: '下放事项编号', key: 'handoverId', width: 38 },
  ]);
  for (const { month, opens, closes } of forecast.months) {
    for (const opening of opens)
      sheet.addRow({
        month,
        on: opening.on,
        change: '出现缺口',
        reason: OPENING_WORDS[opening.reason] ?? opening.reason,
        township: names.township(opening.townshipId),
        powerCode: opening.powerCode,
        powerName: names.power(opening.powerCode),
        detail:
          opening.reason === 'certificate-expiry' ? `${opening.officer.name}：${gapInChinese(opening.gap)}` : '委托期满，需重新委托或收回',
        handoverId: opening.handoverId,
      });
    for (const closing of closes)
      sheet.addRow({
        month,
        on: closing.on,
        change: '缺口补齐',
        reason: '已排培训',
        township: names.township(closing.townshipId),
        powerCode: closing.powerCode,
        powerName: names.power(closing.powerCode),
        detail: `${closing.department}承诺的培训「${closing.course}」`,
        handoverId: closing.handoverId,
      });
  }
  return bytesOf(workbook);
}
