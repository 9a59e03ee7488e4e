import { DatePickerInput } from '@mantine/dates';
import { useT } from '../i18n/i18n.js';
import { todayIso } from '../i18n/dates.js';

interface DateFieldProps {
  label: string;
  /** 'YYYY-MM-DD' or null. */
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  /** A line under the label (a hint: the register's last number and date). */
  description?: string;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  w?: number | string;
  /** Earliest and latest day offered ('YYYY-MM-DD'). */
  minDate?: string;
  maxDate?: string;
}

/** A date input that shows dd/mm/yyyy and speaks 'YYYY-MM-DD' to the API. */
export function DateField({ label, value, onChange, error, description, required, clearable = true, disabled, w, minDate, maxDate }: DateFieldProps) {
  const t = useT();
  // An empty picker opens at today's month, or the nearest month allowed (a past season's plan).
  const today = todayIso();
  const opensAt = maxDate && today > maxDate ? maxDate : minDate && today < minDate ? minDate : undefined;
  return (
    <DatePickerInput
      defaultDate={opensAt}
      label={label}
      value={value}
      onChange={(next) => onChange(next ? String(next).slice(0, 10) : null)}
      valueFormat="DD/MM/YYYY"
      placeholder={t('common.datePlaceholder')}
      clearable={clearable && !required}
      required={required}
      error={error}
      description={description}
      disabled={disabled}
      w={w}
      firstDayOfWeek={1}
      minDate={minDate}
      maxDate={maxDate}
    />
  );
}
