import { Field, Select } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { MessageKey } from '../../i18n/messages';
import { PROJECT_KINDS, PROJECT_STATUSES, type ProjectKind, type ProjectStatus } from '../../services/record/projectKeeping';
import { DayField } from './DayField';
import { useRecordFormStyles } from './useRecordFormStyles';

export interface ProjectFieldValues {
  projectKind: ProjectKind;
  status: ProjectStatus;
  startDate: string | null;
  endDate: string | null;
}

/** A project's kind, status and dates: the same fields when it is made and when it is edited. */
export interface ProjectFieldsProps {
  value: ProjectFieldValues;
  onChange: <K extends keyof ProjectFieldValues>(field: K, v: ProjectFieldValues[K]) => void;
  /** A date field holds text that is no day (or no longer does). */
  onDateProblem?: (field: 'startDate' | 'endDate', refused: string | null) => void;
  testId: string;
}

export function ProjectFields({ value, onChange, onDateProblem, testId }: ProjectFieldsProps) {
  const styles = useRecordFormStyles();
  const intl = useIntl();
  return (
    <>
      <div className={styles.row}>
        <Field className={styles.wide} label={intl.formatMessage({ id: 'projects.kind' })}>
          <Select className={styles.shrink} select={{ className: styles.shrink }} value={value.projectKind} onChange={(_, d) => onChange('projectKind', d.value as ProjectKind)} data-testid={`${testId}-kind`}>
            {PROJECT_KINDS.map((k) => (
              <option key={k} value={k}>
                {intl.formatMessage({ id: `projects.kind.${k}` as MessageKey })}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.grow} label={intl.formatMessage({ id: 'projects.status' })}>
          <Select className={styles.shrink} select={{ className: styles.shrink }} value={value.status} onChange={(_, d) => onChange('status', d.value as ProjectStatus)} data-testid={`${testId}-status`}>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {intl.formatMessage({ id: `projects.status.${s}` as MessageKey })}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <DayField className={styles.wide} label={intl.formatMessage({ id: 'projects.start' })} value={value.startDate} onChange={(d) => onChange('startDate', d)} onProblem={(t) => onDateProblem?.('startDate', t)} testId={`${testId}-start`} />
        <DayField className={styles.wide} label={intl.formatMessage({ id: 'projects.end' })} value={value.endDate} onChange={(d) => onChange('endDate', d)} onProblem={(t) => onDateProblem?.('endDate', t)} testId={`${testId}-end`} />
      </div>
    </>
  );
}
