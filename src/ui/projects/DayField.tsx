import { Field } from '@fluentui/react-components';
import { DatePicker } from '@fluentui/react-datepicker-compat';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { calendarStrings } from './projectDates';
import { useDayField } from './useDayField';
import { useRecordFormStyles } from './useRecordFormStyles';

export interface DayFieldProps {
  label: string;
  /** yyyy-mm-dd, or null for none. */
  value: string | null;
  onChange: (iso: string | null) => void;
  /** The text refused (no day), or null once the field holds a day or nothing. */
  onProblem?: (refused: string | null) => void;
  className?: string;
  testId: string;
}

/**
 * A day in the user's language whatever the browser's (issue 16: a native date input showed a Finnish
 * user mm/dd/yyyy): typed (Finnish 7.12.2026, English 07/12/2026) or chosen from a calendar whose weeks
 * start on Monday. Text that is no day is said at the field and kept there to correct.
 */
export function DayField({ label, value, onChange, onProblem, className, testId }: DayFieldProps) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  const day = useDayField(intl.locale, value, onChange, onProblem);
  const strings = useMemo(() => calendarStrings(intl), [intl]);
  return (
    <Field
      className={className}
      label={label}
      validationState={day.problem ? 'error' : 'none'}
      validationMessage={day.problem ? <span data-testid={`${testId}-problem`}>{intl.formatMessage({ id: 'dates.invalid' }, { text: day.problem })}</span> : undefined}
    >
      <DatePicker
        allowTextInput
        value={day.value}
        onSelectDate={day.select}
        onChange={day.typed}
        formatDate={day.format}
        parseDateFromString={day.parse}
        onValidationResult={day.validated}
        firstDayOfWeek={1}
        strings={strings}
        placeholder={intl.formatMessage({ id: 'dates.placeholder' })}
        popupSurface={{ 'aria-label': intl.formatMessage({ id: 'dates.calendar' }) }}
        className={styles.shrink}
        input={{ className: styles.shrink }}
        data-testid={testId}
      />
    </Field>
  );
}
