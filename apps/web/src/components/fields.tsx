import { AutoComplete, DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { KeyboardEvent } from 'react';
import type { Rule } from 'antd/es/form';
import { useCountyConfig } from '../app/county-config';
import { useI18n } from '../i18n/i18n';
import { KNOWN_KINDS, kindLabel } from './labels';

/** A date field whose form value is the API's `YYYY-MM-DD` text (drafts and requests stay plain JSON). */
export function DateInput({
  value,
  onChange,
  id,
  disabled,
  placeholder,
}: {
  value?: string;
  onChange?: (value: string | undefined) => void;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
}) {
  const parsed = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  // Enter takes the typed date (the picker's own handling) but does not submit the form around it.
  const keepEnter = (event: KeyboardEvent<HTMLSpanElement>) => {
    if (event.key === 'Enter') event.preventDefault();
  };
  return (
    <span onKeyDown={keepEnter} style={{ display: 'block' }}>
      <DatePicker
        id={id}
        disabled={disabled}
        placeholder={placeholder ?? 'YYYY-MM-DD'}
        format="YYYY-MM-DD"
        style={{ width: '100%' }}
        value={parsed && parsed.isValid() ? parsed : null}
        onChange={(date) => onChange?.(date ? date.format('YYYY-MM-DD') : undefined)}
      />
    </span>
  );
}

/** Equipment kind: free text, with the usual kinds offered (the value is the kind's code, e.g. body-camera). */
export function KindInput({
  value,
  onChange,
  id,
  disabled,
}: {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  disabled?: boolean;
}) {
  const i18n = useI18n();
  return (
    <AutoComplete
      id={id}
      disabled={disabled}
      value={value}
      onChange={onChange}
      placeholder="body-camera"
      style={{ width: 200 }}
      popupMatchSelectWidth={260}
      options={KNOWN_KINDS.map((kind) => ({ value: kind, label: `${kindLabel(i18n, kind)} (${kind})` }))}
      filterOption={(input, option) => String(option?.value ?? '').includes(input) || String(option?.label ?? '').includes(input)}
    />
  );
}

/** The client-side rules, the same as the API's (the API stays the judge; its limits come from GET /config). */
export function useRules() {
  const i18n = useI18n();
  const { limits } = useCountyConfig();
  const required: Rule = { required: true, whitespace: true, message: i18n.t('record.required') };
  return {
    required,
    label: [required, { max: limits.label }] as Rule[],
    text: [required, { max: limits.text }] as Rule[],
    optionalLabel: [{ max: limits.label }] as Rule[],
    date: [
      { required: true, message: i18n.t('record.required') },
      { pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' },
    ] as Rule[],
    wholePositive: [
      { required: true, message: i18n.t('record.required') },
      { type: 'integer', min: 1, max: 100000, message: i18n.t('record.wholeNumber') },
    ] as Rule[],
    positive: [
      { required: true, message: i18n.t('record.required') },
      { type: 'number', min: Number.MIN_VALUE, max: 10000, message: i18n.t('record.positive') },
    ] as Rule[],
  };
}
