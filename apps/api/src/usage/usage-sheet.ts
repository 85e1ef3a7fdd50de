import type { FieldError, Result } from '@fangquan/domain';
import type { UsageFigure, UsageRow } from '@fangquan/ledger';
import type { TableColumn, TableRow } from '@fangquan/spreadsheets';

/** The columns of the usage sheet: the template, the import and the export use the same. */
export const USAGE_COLUMNS: readonly TableColumn[] = [
  { field: 'handoverId', header: '下放事项编号', required: true, width: 40 },
  { field: 'powerCode', header: '权力事项编码', required: false, width: 18 },
  { field: 'month', header: '月份', required: true, width: 12 },
  { field: 'cases', header: '办件量', required: true, width: 10 },
];

/** How to fill the sheet: the notes sheet of the template and of an export. */
export const USAGE_SHEET_NOTES: readonly string[] = [
  '每行填写一个下放事项一个月的办件量；第一行是表头，请勿修改或删除列名。',
  '下放事项编号：下放事项详情页上的编号（导出表中已填好）。权力事项编码仅供查看，导入时不读取。',
  '月份：写作 2026-03 这样的年-月，须在该事项登记的当月到本月之间（已收回的事项到收回的当月为止）。',
  '办件量：0 到 100000 的整数。同一事项同一月份再次导入时，新的数字取代原来的数字，原来的数字保留在记录中；数字相同的行不作改动。',
  '任何一行有误时整表不导入，并逐行指出错误。乡镇（街道）用户只能导入本乡镇（街道）的下放事项。',
  '请勿使用公式或合并单元格；CSV 文件请保存为 UTF-8 编码。',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A date a spreadsheet made of a typed month (2026-03 becomes 2026-03-01): its month. */
const FIRST_OF_MONTH = /^(\d{4}-\d{2})-01$/;
const WHOLE_NUMBER = /^[+-]?\d+$/;

/**
 * One row of a usage sheet as the figure it asks for: the handover's id checked here, the cases read
 * as a number; the month and the figure's range are the command's to check (each bad cell named
 * `rows[N].<column>`).
 */
export function usageRowInput(row: TableRow): Result<UsageRow, FieldError[]> {
  const at = (column: string): string => `rows[${row.rowNumber}].${column}`;
  const { handoverId = '', month = '', cases = '' } = row.values;
  const errors: FieldError[] = [];
  if (handoverId === '') errors.push({ field: at('handoverId'), message: 'is required' });
  else if (!UUID.test(handoverId)) errors.push({ field: at('handoverId'), message: 'must be a UUID' });
  if (cases === '') errors.push({ field: at('cases'), message: 'is required' });
  else if (!WHOLE_NUMBER.test(cases)) errors.push({ field: at('cases'), message: 'must be a whole number' });
  if (errors.length > 0) return { ok: false, error: errors };
  return {
    ok: true,
    value: { handoverId: handoverId.toLowerCase(), month: FIRST_OF_MONTH.exec(month)?.[1] ?? month, cases: Number(cases) },
  };
}

/** A standing figure as a row of the sheet. */
export function usageSheetRow(figure: UsageFigure): Record<string, string | number | undefined> {
  return { handoverId: figure.handoverId, powerCode: figure.powerCode, month: figure.month, cases: figure.cases };
}
