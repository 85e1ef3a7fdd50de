/** The domains (领域) a duty item belongs to, as the province's guiding catalogues name them. */
export const DUTY_DOMAINS = ['党的建设', '经济发展', '民生服务', '平安法治', '生态环保', '综合执法', '应急管理', '其他'] as const;
export type DutyDomain = (typeof DUTY_DOMAINS)[number];

/**
 * The three lists of a township: `basic` (基本履职: it does it, full responsibility), `assisting`
 * (配合履职: a department leads, the township helps as far as the list says), `returned` (上级部门收回:
 * the department does it, the township only reports).
 */
export const DUTY_CATEGORIES = ['basic', 'assisting', 'returned'] as const;
export type DutyCategory = (typeof DUTY_CATEGORIES)[number];

/** Codes go into paths (`/duties/:code`, `/duty-list/items/:dutyCode`): no spaces, slashes, `?`, `#` or `%`. */
export const DUTY_CODE_PATTERN = /^[^\s/\\?#%]{1,64}$/;
export const DUTY_CODE_MESSAGE = 'must be 1 to 64 characters without spaces, slashes, ?, # or %';
