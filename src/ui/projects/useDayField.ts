import { useCallback, useMemo, useRef, useState } from 'react';
import type { DatePickerValidationResultData } from '@fluentui/react-datepicker-compat';
import { useLatest } from '../shared/useAsync';
import { dayOfIso, formatDay, isoOfDay, parseDay } from './projectDates';

/**
 * A day typed or chosen, kept as yyyy-mm-dd. Text that is no day is refused at the field and stays in
 * it as typed, to correct (the calendar would otherwise put the last day back and lose it): while it
 * stands, `format` shows it, until something else is typed or another day chosen.
 */
export function useDayField(locale: string, value: string | null, onChange: (iso: string | null) => void, onProblem?: (refused: string | null) => void) {
  const rejected = useRef<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // One Date per day held, so a render of the form around it never puts the field's text back.
  const day = useMemo(() => dayOfIso(value), [value]);
  // With no day before it, the calendar empties the field when it refuses text: while refused, it is
  // handed this stand-in (never reported), which `format` shows as the text refused.
  const [holding] = useState(() => new Date());
  const shown = problem !== null && !day ? holding : day;
  const format = useCallback((date?: Date) => rejected.current ?? formatDay(date, locale), [locale]);
  const parse = useCallback((text: string) => {
    const day = parseDay(text);
    rejected.current = day ? null : text;
    return day;
  }, []);
  const said = useLatest(onProblem);
  const validated = useCallback(
    (result: DatePickerValidationResultData) => {
      const refused = result.error === 'invalid-input' ? rejected.current : null;
      setProblem(refused);
      said.current?.(refused);
    },
    [said],
  );
  const typed = useCallback(() => {
    rejected.current = null;
  }, []);
  /** The calendar puts the last day back after refusing text: that is no choice, and the text stays shown. */
  const select = (date: Date | null | undefined) => {
    if (date === holding) return;
    const iso = date ? isoOfDay(date) : null;
    if (iso === (value?.slice(0, 10) ?? null)) return;
    rejected.current = null;
    setProblem(null);
    onProblem?.(null);
    onChange(iso);
  };
  return { value: shown, format, parse, validated, typed, select, problem };
}

/** Which of a form's date fields hold text that is no day: the form is not saved while one does. */
export function useRefusedDates() {
  const [refused, setRefused] = useState<ReadonlySet<string>>(new Set());
  const report = useCallback((field: string, text: string | null) => {
    setRefused((old) => {
      if (old.has(field) === !!text) return old;
      const next = new Set(old);
      if (text) next.add(field);
      else next.delete(field);
      return next;
    });
  }, []);
  return { any: refused.size > 0, report };
}
