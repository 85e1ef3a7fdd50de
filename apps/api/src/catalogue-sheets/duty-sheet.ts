import {
  DUTY_CATEGORIES,
  DUTY_DOMAINS,
  type DutyCategory,
  type DutyFields,
  type DutyRecord,
  type FieldError,
  parseRegisterDuty,
  type Result,
} from '@fangquan/domain';
import type { TableColumn, TableRow } from '@fangquan/spreadsheets';

/** The columns of the duty catalogue sheet: the template, the import and the export use the same. */
export const DUTY_COLUMNS: readonly TableColumn[] = [
  { field: 'code', header: '编码', required: true, width: 16 },
  { field: 'name', header: '名称', required: true, width: 40 },
  { field: 'domain', header: '领域', required: true, width: 12 },
  { field: 'defaultCategory', header: '默认类别', required: true, width: 14 },
  { field: 'description', header: '说明', required: true, width: 40 },
  { field: 'legalBasis', header: '法律依据', required: true, width: 32 },
  { field: 'leadDepartment', header: '牵头部门', required: true, width: 16 },
  { field: 'powerCode', header: '对应权力事项编码', required: true, width: 18 },
  { field: 'contact', header: '联系方式', required: true, width: 20 },
];

export const DUTY_CATEGORY_LABELS: Readonly<Record<DutyCategory, string>> = {
  basic: '基本履职',
  assisting: '配合履职',
  returned: '上级部门收回',
};

/** How to fill the sheet: the notes sheet of the template and of an export. */
export const DUTY_SHEET_NOTES: readonly string[] = [
  '每行一项职责事项；第一行是表头，请勿修改或删除列名。编码已在目录中的行会按表中内容更新该事项，内容相同的行不作改动。',
  '编码、名称、领域、默认类别必须填写；说明、法律依据、牵头部门、对应权力事项编码、联系方式可以留空（留空即清除该项）。',
  `领域：${DUTY_DOMAINS.join('、')}。`,
  `默认类别：${DUTY_CATEGORIES.map((category) => DUTY_CATEGORY_LABELS[category]).join('、')}（也可填英文代码 ${DUTY_CATEGORIES.join(', ')}）。`,
  '对应权力事项编码：须是本县权力事项目录中已有的编码。',
  '请勿使用公式或合并单元格；CSV 文件请保存为 UTF-8 编码。',
];

/**
 * One row of a duty sheet as the registration it asks for, read by the domain's own parser (the
 * default category also from its Chinese label); every bad cell named `rows[N].<column>`.
 */
export function dutyRowInput(row: TableRow, countyId: string): Result<{ code: string } & DutyFields, FieldError[]> {
  const cells = row.values;
  const written = cells.defaultCategory;
  const defaultCategory = DUTY_CATEGORIES.find((category) => DUTY_CATEGORY_LABELS[category] === written) ?? written;
  const parsed = parseRegisterDuty({ ...cells, countyId, defaultCategory });
  if (!parsed.ok) {
    return {
      ok: false,
      error: parsed.error.map((error) => ({
        ...error,
        field: `rows[${row.rowNumber}].${error.field}`,
        ...(error.field === 'defaultCategory' && written !== undefined
          ? { message: `must be one of ${DUTY_CATEGORIES.map((category) => DUTY_CATEGORY_LABELS[category]).join(', ')}` }
          : {}),
      })),
    };
  }
  const { countyId: _county, ...input } = parsed.value.data;
  return { ok: true, value: input };
}

/** A duty item as a row of the sheet, its default category as its Chinese label; absent fields are blank cells. */
export function dutySheetRow(duty: DutyRecord): Record<string, string | undefined> {
  return {
    code: duty.code,
    name: duty.name,
    domain: duty.domain,
    defaultCategory: DUTY_CATEGORY_LABELS[duty.defaultCategory],
    description: duty.description,
    legalBasis: duty.legalBasis,
    leadDepartment: duty.leadDepartment,
    powerCode: duty.powerCode,
    contact: duty.contact,
  };
}
