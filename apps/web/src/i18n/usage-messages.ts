/**
 * The texts of usage (办件量): the handover's card and the sheet page, spread into both dictionaries
 * of messages.ts; the English one is typed by the Chinese keys, so a missing or extra key fails the build.
 */
export const usageZh = {
  'nav.usage': '办件量',
  'usage.title': '办件量',
  'usage.month': '月份',
  'usage.cases': '办件量（件）',
  'usage.none': '尚未登记办件量',
  'usage.record': '登记',
  'usage.recorded': '已登记 {month} 的办件量：{cases} 件。',
  'usage.help': '按月登记本事项办理的案件数。同一月份再次登记时，新的数字取代原来的数字，原来的数字保留在历史记录中。',
  'usage.monthRequired': '请选择月份',
  'usage.casesRequired': '请填写办件量',
  'usage.handoverId': '下放事项编号',
  'usage.powerCode': '权力事项编码',
  'usage.page.help':
    '每行一个下放事项一个月的办件量。先下载模板（或导出已有数字）填写，再导入：系统先预检，全部无误后才能确认导入；任何一行有误时整表不导入。',
  'usage.template': '下载导入模板',
  'usage.import': '导入办件量',
  'usage.importTitle': '导入办件量',
  'usage.importHelp': '请使用办件量导入模板（.xlsx，或 UTF-8 编码的 .csv）。选择文件后系统立即预检，不会写入；预检通过后点击“确认导入”。',
  'usage.export': '导出办件量',
  'usage.range': '月份范围',
  'usage.imported': '已导入：新登记 {created} 个月，更改 {updated} 个月，未变 {unchanged} 个月。',
  'event.usage': '{month}：{cases} 件',
  'event.usageReplaced': '{month}：{cases} 件（原为 {previous} 件）',
} as const;

export const usageEn: Record<keyof typeof usageZh, string> = {
  'nav.usage': 'Usage',
  'usage.title': 'Usage (cases per month)',
  'usage.month': 'Month',
  'usage.cases': 'Cases',
  'usage.none': 'No cases recorded yet',
  'usage.record': 'Record',
  'usage.recorded': 'Recorded {cases} cases for {month}.',
  'usage.help': 'The cases handled under this handover per month. A new figure for a month replaces the last; the history keeps both.',
  'usage.monthRequired': 'Choose the month',
  'usage.casesRequired': 'Enter the cases',
  'usage.handoverId': 'Handover number',
  'usage.powerCode': 'Power code',
  'usage.page.help':
    'One row per handover and month. Download the template (or export the figures recorded), fill it in, then import: the file is checked first and imported only when every row is right.',
  'usage.template': 'Download the template',
  'usage.import': 'Import usage',
  'usage.importTitle': 'Import usage',
  'usage.importHelp':
    'Use the usage template (.xlsx, or .csv in UTF-8). The file is checked at once and nothing is written; then confirm the import.',
  'usage.export': 'Export usage',
  'usage.range': 'Months',
  'usage.imported': 'Imported: {created} months recorded, {updated} changed, {unchanged} unchanged.',
  'event.usage': '{month}: {cases} cases',
  'event.usageReplaced': '{month}: {cases} cases (was {previous})',
};
