import { useCallback, useRef, useState } from 'react';
import type { DatePickerValidationResultData } from '@fluentui/react-datepicker-compat';
import { formatDay, isoOfDay, parseDay } from './projectDates';

/**
 * A day typed or chosen, kept as yyyy-mm-dd. Text that is no day is refused at the field and stays in
 * it as typed, to correct (the calendar would otherwise put the last day back and lose it): while it
 * stands, `format` shows it, until something else is typed or another day chosen.
 */
export function useDayField(locale: string, value: string | null, onChange: (iso: string | null) => void) {
  const rejected = useRef<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const format = useCallback((date?: Date) => rejected.current ?? formatDay(date, locale), [locale]);
  const parse = useCallback((text: string) => {
    const day = parseDay(text);
    rejected.current = day ? null : text;
    return day;
  }, []);
  const validated = useCallback((result: DatePickerValidationResultData) => setProblem(result.error === 'invalid-input' ? rejected.current : null), []);
  const typed = useCallback(() => {
    rejected.current = null;
  }, []);
  /** The calendar puts the last day back after refusing text: that is no choice, and the text stays shown. */
  const select = (date: Date | null | undefined) => {
    const iso = date ? isoOfDay(date) : null;
    if (iso === (value?.slice(0, 10) ?? null)) return;
    rejected.current = null;
    setProblem(null);
    onChange(iso);
  };
  return { format, parse, validated, typed, select, problem };
}
