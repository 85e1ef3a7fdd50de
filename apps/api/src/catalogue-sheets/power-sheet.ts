import {
  type FieldError,
  parseRegisterPowerItem,
  POWER_CATEGORIES,
  type PowerCategory,
  type Requirements,
  type Result,
  type Vocabulary,
  VocabularyFieldCodes,
  type VocabularyTerm,
} from '@fangquan/domain';
import type { RegisterPowerInput } from '@fangquan/ledger';
import type { TableColumn, TableRow } from '@fangquan/spreadsheets';
import { POWER_CODE_PATTERN } from '../catalogue/dto/power.dto';

/** The county's vocabularies as a sheet names their terms: by name (as exported) or by code. */
export type CountyTerms = Readonly<Record<Vocabulary, readonly VocabularyTerm[]>>;

/** The columns of the powers sheet (import and export): Chinese headers, API field names. */
export const POWER_COLUMNS: readonly TableColumn[] = [
  { field: 'code', header: '编码', required: true, width: 16 },
  { field: 'name', header: '名称', required: true, width: 40 },
  { field: 'category', header: '类别', required: true, width: 12 },
  { field: 'legalBasis', header: '法律依据', required: true, width: 40 },
  { field: 'department', header: '主管部门', required: true, width: 16 },
  { field: 'certifiedOfficers', header: '持证执法人员数', required: true, width: 14 },
  { field: 'equipment', header: '装备', required: true, width: 32 },
  { field: 'training', header: '培训', required: true, width: 32 },
];

export const POWER_CATEGORY_LABELS: Readonly<Record<PowerCategory, string>> = {
  penalty: '行政处罚',
  inspection: '行政检查',
  coercion: '行政强制',
  permit: '行政许可',
  other: '其他',
};

/** How to fill the sheet; the notes sheet of an export. */
export const POWER_SHEET_NOTES: readonly string[] = [
  '每行一项权力事项；第一行是表头，请勿修改列名。编码已在目录中的行只更新其要求（持证执法人员数、装备、培训）。',
  `类别：${POWER_CATEGORIES.map((category) => POWER_CATEGORY_LABELS[category]).join('、')}（也可填英文代码 ${POWER_CATEGORIES.join(', ')}）。`,
  '装备：“种类×数量”，多项用分号分隔，例如“执法记录仪×2；执法车辆×1”。种类须是本县装备种类中的名称或代码。',
  '培训：“课程×学时”，多项用分号分隔，例如“行政处罚法×16”。课程须是本县培训课程中的名称或代码。',
  '行政处罚、行政强制事项至少需要 2 名持证执法人员。请勿使用公式或合并单元格。',
];

/** Lines of a cell: `执法记录仪×2；执法车辆×1` (×, x, X or * between the term and its amount; ；, ;, 、 or a line break between lines). */
const LINE_SEPARATOR = /[;；、\n]+/;
const AMOUNT = /^(.+?)\s*[×xX*＊]\s*(\d+(?:\.\d+)?)$/;

function termCode(terms: readonly VocabularyTerm[], written: string): string | undefined {
  return (terms.find((term) => term.name === written) ?? terms.find((term) => term.code === written))?.code;
}

/** The lines of an equipment or training cell, each term resolved to its code; every bad line named on `field`. */
function linesOf(
  errors: FieldError[],
  field: string,
  cell: string | undefined,
  terms: readonly VocabularyTerm[],
  vocabulary: Vocabulary,
): Array<{ term: string; amount: number }> {
  if (cell === undefined) return [];
  const what = vocabulary === 'equipment-kinds' ? 'equipment kinds' : 'training courses';
  const shape = vocabulary === 'equipment-kinds' ? 'kind×quantity' : 'course×hours';
  return cell
    .split(LINE_SEPARATOR)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .flatMap((line) => {
      const match = AMOUNT.exec(line);
      if (match === null) {
        errors.push({
          field,
          message: `'${line}' must be written as ${shape}, e.g. ${vocabulary === 'equipment-kinds' ? '执法记录仪×2' : '行政处罚法×16'}`,
          code: 'bad-format',
        });
        return [];
      }
      const written = (match[1] ?? '').trim();
      const code = termCode(terms, written);
      if (code === undefined) {
        errors.push({ field, message: `'${written}' is not one of the county's ${what}`, code: VocabularyFieldCodes[vocabulary] });
        return [];
      }
      return [{ term: code, amount: Number(match[2]) }];
    });
}

function categoryOf(errors: FieldError[], field: string, cell: string | undefined): PowerCategory {
  const found = POWER_CATEGORIES.find((category) => category === cell || POWER_CATEGORY_LABELS[category] === cell);
  if (found === undefined && cell !== undefined)
    errors.push({
      field,
      message: `must be one of ${POWER_CATEGORIES.map((category) => POWER_CATEGORY_LABELS[category]).join(', ')}`,
      code: 'not-one-of',
    });
  return found ?? 'other';
}

/** `requirements.equipment[0].kind` → `equipment`: a command's field path as the sheet's column. */
function columnOf(path: string): string {
  return path.replace(/^requirements\./, '').split(/[.[]/)[0] ?? path;
}

/**
 * One row of a powers sheet as the registration it asks for, read by the domain's own parser; every
 * bad cell named `rows[N].<column>`. Kinds and courses are resolved from names or codes of the
 * county's vocabularies.
 */
export function powerRowInput(row: TableRow, countyId: string, terms: CountyTerms): Result<RegisterPowerInput, FieldError[]> {
  const at = (column: string): string => `rows[${row.rowNumber}].${column}`;
  const cells = row.values;
  const errors: FieldError[] = [];
  const category = categoryOf(errors, at('category'), cells.category);
  if (cells.code !== undefined && !POWER_CODE_PATTERN.test(cells.code))
    errors.push({ field: at('code'), message: 'code must be 1 to 64 characters without spaces, slashes, ?, # or %' });
  const officers = cells.certifiedOfficers;
  const equipment = linesOf(errors, at('equipment'), cells.equipment, terms['equipment-kinds'], 'equipment-kinds');
  const training = linesOf(errors, at('training'), cells.training, terms['training-courses'], 'training-courses');
  const requirements: Requirements = {
    certifiedOfficers: officers !== undefined && /^\d+(\.\d+)?$/.test(officers) ? Number(officers) : (officers as unknown as number),
    equipment: equipment.map((line) => ({ kind: line.term, quantity: line.amount })),
    training: training.map((line) => ({ course: line.term, hours: line.amount })),
  };
  const parsed = parseRegisterPowerItem({
    ...cells,
    countyId,
    category: cells.category === undefined ? undefined : category,
    requirements,
  });
  const known = new Set(errors.map((error) => error.field));
  if (!parsed.ok)
    for (const error of parsed.error) {
      const field = at(columnOf(error.field));
      // One message per cell: the sheet's own reading of it says more than the command's.
      if (!known.has(field)) errors.push({ ...error, field });
    }
  if (errors.length > 0 || !parsed.ok) return { ok: false, error: errors };
  const { countyId: _county, ...input } = parsed.value.data;
  return { ok: true, value: input };
}

/** Lines of a cell joined as the sheet writes them; none is a blank cell. */
function lines(written: readonly string[]): string | undefined {
  return written.length === 0 ? undefined : written.join('；');
}

/** A power as a row of the sheet: the category as its Chinese label, kinds and courses by their names. */
export function powerSheetRow(power: RegisterPowerInput, terms: CountyTerms): Record<string, string | number | undefined> {
  const nameOf = (vocabulary: Vocabulary, code: string): string => terms[vocabulary].find((term) => term.code === code)?.name ?? code;
  return {
    code: power.code,
    name: power.name,
    category: POWER_CATEGORY_LABELS[power.category],
    legalBasis: power.legalBasis,
    department: power.department,
    certifiedOfficers: power.requirements.certifiedOfficers,
    equipment: lines(power.requirements.equipment.map((line) => `${nameOf('equipment-kinds', line.kind)}×${line.quantity}`)),
    training: lines(power.requirements.training.map((line) => `${nameOf('training-courses', line.course)}×${line.hours}`)),
  };
}
