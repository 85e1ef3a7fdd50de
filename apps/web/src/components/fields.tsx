import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import type { KeyboardEvent } from 'react';
import type { Rule } from 'antd/es/form';
import type { Vocabulary } from '../api/types';
import { useCountyConfig } from '../app/county-config';
import { useVocabularies } from '../app/vocabularies';
import { useI18n } from '../i18n/i18n';

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

/**
 * A term of the county's vocabulary picked from its list (search by name or code): shows the name,
 * gives the form the code (an equipment line's `kind`, a training line's `course`).
 */
export function TermSelect({
  vocabulary,
  value,
  onChange,
  id,
  disabled,
  width = 200,
}: {
  vocabulary: Vocabulary;
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  disabled?: boolean;
  width?: number;
}) {
  const i18n = useI18n();
  const terms = useVocabularies().terms(vocabulary);
  const options = terms.map((term) => ({ value: term.code, label: term.name }));
  if (value && !terms.some((term) => term.code === value)) options.push({ value, label: i18n.term(vocabulary, value) });
  return (
    <Select
      id={id}
      data-testid={`term-select-${vocabulary}`}
      disabled={disabled}
      value={value === '' ? undefined : value}
      onChange={onChange}
      showSearch
      placeholder={i18n.t(vocabulary === 'equipment-kinds' ? 'vocabulary.pickKind' : 'vocabulary.pickCourse')}
      style={{ width }}
      popupMatchSelectWidth={260}
      options={options}
      filterOption={(input, option) => {
        const needle = input.trim().toLowerCase();
        return (
          String(option?.label ?? '')
            .toLowerCase()
            .includes(needle) ||
          String(option?.value ?? '')
            .toLowerCase()
            .includes(needle)
        );
      }}
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
    /** A term picked from a vocabulary's list. */
    picked: [{ required: true, message: i18n.t('vocabulary.pickRequired') }] as Rule[],
    text: [required, { max: limits.text }] as Rule[],
    optionalLabel: [{ max: limits.label }] as Rule[],
    optionalText: [{ max: limits.text }] as Rule[],
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
