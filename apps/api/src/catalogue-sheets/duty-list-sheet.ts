import { DUTY_CATEGORIES, type DutyItemSource, type DutyListState, type ListedDuty } from '@fangquan/domain';
import type { TableColumn } from '@fangquan/spreadsheets';
import { DUTY_CATEGORY_LABELS } from './duty-sheet';

/** The columns of a township's list as exported. */
export const DUTY_LIST_COLUMNS: readonly TableColumn[] = [
  { field: 'category', header: '类别', required: true, width: 14 },
  { field: 'code', header: '编码', required: true, width: 16 },
  { field: 'name', header: '名称', required: true, width: 40 },
  { field: 'domain', header: '领域', required: true, width: 12 },
  { field: 'cooperation', header: '配合内容', required: false, width: 40 },
  { field: 'leadDepartment', header: '牵头部门', required: false, width: 16 },
  { field: 'contact', header: '联系方式', required: false, width: 20 },
  { field: 'source', header: '来源', required: true, width: 12 },
];

const SOURCE_LABELS: Readonly<Record<DutyItemSource, string>> = {
  list: '清单',
  handover: '权力移交',
  admission: '准入事项',
};

/** The list's items as rows: basic first, then assisting, then returned, each by domain and code as resolved. */
export function dutyListRows(items: readonly ListedDuty[]): Array<Record<string, string | undefined>> {
  const rank = (item: ListedDuty): number => DUTY_CATEGORIES.indexOf(item.category);
  return [...items]
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.item.domain.localeCompare(b.item.domain, 'zh-CN') || a.index - b.index)
    .map(({ item }) => ({
      category: DUTY_CATEGORY_LABELS[item.category],
      code: item.dutyCode ?? item.powerCode,
      name: item.name,
      domain: item.domain,
      cooperation: item.cooperation,
      leadDepartment: item.leadDepartment,
      contact: item.contact,
      source: SOURCE_LABELS[item.source],
    }));
}

/** The notes sheet: whose list, which published version, and that the rows are the working draft. */
export function dutyListNotes(townshipName: string, state: DutyListState, items: readonly ListedDuty[]): string[] {
  const count = (category: (typeof DUTY_CATEGORIES)[number]): number => items.filter((item) => item.category === category).length;
  const published = state.published;
  return [
    `乡镇（街道）：${townshipName}`,
    published === null
      ? '尚未发布'
      : `已发布：第 ${published.version} 版，文号 ${published.decisionRef}，发布于 ${published.publishedAt.slice(0, 10)}`,
    '本表是当前工作稿（可能含尚未发布的调整）；权力移交带来的事项由移交记录生成。',
    `基本履职 ${count('basic')} 项，配合履职 ${count('assisting')} 项，上级部门收回 ${count('returned')} 项。`,
  ];
}
