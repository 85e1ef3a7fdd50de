import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { ApiProblem } from '../api/http';
import type { FieldError } from '../api/types';
import type { I18n } from '../i18n/i18n';
import { fieldErrorText } from './explain';

/** `committed.officers[0].name` → ['committed', 'officers', 0, 'name'] (antd's name path). */
export function namePathOf(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the API's `errors[]`, in the words of their codes, beside the fields of `form`. Returns the errors
 * that no field of the form shows (to be shown above the form). The values the user typed stay as they are.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, i18n: I18n): FieldError[] {
  if (!(error instanceof ApiProblem)) return [];
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const leftover: FieldError[] = [];
  for (const fieldError of error.fieldErrors) {
    const path = namePathOf(fieldError.field);
    if (!hasField(form, path)) {
      leftover.push(fieldError);
      continue;
    }
    const key = JSON.stringify(path);
    const entry = byField.get(key) ?? { name: path, errors: [] };
    entry.errors.push(fieldErrorText(i18n, fieldError));
    byField.set(key, entry);
  }
  if (byField.size > 0) {
    form.setFields([...byField.values()]);
    const first = [...byField.values()][0];
    if (first) form.scrollToField(first.name, { block: 'center' });
  }
  return leftover;
}

/** Whether a Form.Item of `form` is registered under `path`. */
function hasField(form: FormInstance, path: (string | number)[]): boolean {
  const all = form.getFieldsError();
  const key = JSON.stringify(path);
  return all.some((entry) => JSON.stringify(entry.name) === key);
}
